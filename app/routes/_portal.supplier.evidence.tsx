import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { Pager } from "#app/components/pager";
import { utcMinute } from "#app/components/time";
import { requireUser } from "#app/features/accounts/auth.server";
import { deleteUnusedEvidence, evidenceLibraryPage } from "#app/features/evidence/evidence-library.server";
import { formatBytes } from "#app/features/evidence/file-size";
import { notFound } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction = () => [{ title: "Evidence files · Flowdown" }];

const QuerySchema = z.object({
  show: z.enum(["all", "unused"]).catch("all"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return evidenceLibraryPage(user, query.show, query.page);
}

const DeleteSchema = z.object({ intent: z.literal("delete"), id: z.string().regex(/^[0-9a-f]{24}$/) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const parsed = DeleteSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: { "": ["Unknown action"] } as Record<string, string[]> }, { status: 400 });
  let removed: string | false;
  try {
    removed = await deleteUnusedEvidence(user, parsed.data.id, request);
  } catch (error) {
    return refusalResponse(error);
  }
  if (removed === false) notFound();
  const back = new URL(request.url);
  const to = new URLSearchParams();
  if (back.searchParams.get("show") === "unused") to.set("show", "unused");
  to.set("removed", removed);
  return redirect(`/supplier/evidence?${to}`);
}

export default function EvidenceLibraryPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const removed = params.get("removed");
  return (
    <>
      {removed ? <p className="flash">{removed} was deleted.</p> : null}
      <h1>Evidence files</h1>
      <p className="muted">
        Every file your organisation uploaded (to a questionnaire, a remediation answer or a certificate) and what uses
        it. A file stays while something uses it, including a result your customer has on record. A file nothing uses
        can be deleted here; otherwise it is deleted automatically {page.graceDays} days after it was first found
        unused.
      </p>
      <FormError messages={actionData?.errors?.[""]} />
      <nav className="tabs" aria-label="Which files">
        <Link to="?show=all" aria-current={page.filter === "all" ? "page" : undefined}>
          All files ({page.counts.all}, {formatBytes(page.bytes.all)})
        </Link>
        <Link to="?show=unused" aria-current={page.filter === "unused" ? "page" : undefined}>
          Unused ({page.counts.unused}, {formatBytes(page.bytes.unused)})
        </Link>
      </nav>
      <ListTable
        rows={page.files}
        rowKey={(f) => f.id}
        data-testid="evidence-library"
        empty={page.filter === "unused" ? "No unused files." : "No files uploaded yet."}
        columns={[
          {
            header: "File",
            cell: (f) => (
              <>
                <a href={`/evidence/${f.id}`}>{f.name}</a>
                <div className="muted">
                  {formatBytes(f.size)} · SHA-256 <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                </div>
              </>
            ),
          },
          {
            header: "Uploaded",
            cell: (f) => (
              <>
                {utcMinute(f.uploadedAt)}
                <div className="muted">by {f.uploadedBy}</div>
              </>
            ),
          },
          {
            header: "Used by",
            cell: (f) =>
              f.uses.length ? (
                <ul className="plain">
                  {f.uses.map((u) => (
                    <li key={`${u.kind}:${u.label}`}>
                      <Link to={u.href}>{u.label}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <>
                  <span className="badge warn">unused</span>
                  <div className="muted">
                    since {utcMinute(f.unusedSince ?? "")}; deleted automatically on {f.removedOn}
                  </div>
                </>
              ),
          },
          {
            header: <span className="visually-hidden">Actions</span>,
            cell: (f) =>
              f.uses.length ? null : (
                <Form method="post" onSubmit={(e) => !confirm(`Delete ${f.name}?`) && e.preventDefault()}>
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={f.id} />
                  <button type="submit" className="secondary small" disabled={busy}>
                    Delete
                  </button>
                </Form>
              ),
          },
        ]}
      />
      <Pager page={page.page} pages={page.pages} label="Pages of files">
        <span>
          Page {page.page} of {page.pages}
        </span>
      </Pager>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
