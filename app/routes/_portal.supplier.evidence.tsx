import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { Pager } from "#app/components/pager";
import { requireUser } from "#app/features/accounts/auth.server";
import { deleteUnusedEvidence, evidenceLibraryPage } from "#app/features/evidence/evidence-library.server";
import { formatBytes } from "#app/features/evidence/file-size";
import { notFound } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { t as tServer } from "#app/i18n/messages.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.evidence") }];

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
  if (!parsed.success)
    return data({ errors: { "": [tServer("evidence.unknownAction")] } as Record<string, string[]> }, { status: 400 });
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
  const t = useT();
  const format = useFormat();
  return (
    <>
      {removed ? <p className="flash">{t("evidence.library.deleted", { name: removed })}</p> : null}
      <h1>{t("evidence.library.title")}</h1>
      <p className="muted">{t("evidence.library.intro", { days: page.graceDays })}</p>
      <FormError messages={actionData?.errors?.[""]} />
      <nav className="tabs" aria-label={t("evidence.library.tabs")}>
        <Link to="?show=all" aria-current={page.filter === "all" ? "page" : undefined}>
          {t("evidence.library.all", {
            count: format.number(page.counts.all),
            size: formatBytes(page.bytes.all, t),
          })}
        </Link>
        <Link to="?show=unused" aria-current={page.filter === "unused" ? "page" : undefined}>
          {t("evidence.library.unused", {
            count: format.number(page.counts.unused),
            size: formatBytes(page.bytes.unused, t),
          })}
        </Link>
      </nav>
      <ListTable
        rows={page.files}
        rowKey={(f) => f.id}
        data-testid="evidence-library"
        empty={page.filter === "unused" ? t("evidence.library.emptyUnused") : t("evidence.library.empty")}
        columns={[
          {
            header: t("evidence.library.col.file"),
            cell: (f) => (
              <>
                <a href={`/evidence/${f.id}`}>{f.name}</a>
                <div className="muted">
                  {formatBytes(f.size, t)} · SHA-256 <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                </div>
              </>
            ),
          },
          {
            header: t("evidence.library.col.uploaded"),
            cell: (f) => (
              <>
                {format.moment(f.uploadedAt)}
                <div className="muted">{t("evidence.library.uploadedBy", { name: f.uploadedBy })}</div>
              </>
            ),
          },
          {
            header: t("evidence.library.col.usedBy"),
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
                  <span className="badge warn">{t("evidence.library.unusedBadge")}</span>
                  <div className="muted">
                    {t("evidence.library.unusedSince", {
                      since: format.moment(f.unusedSince ?? ""),
                      on: format.day(f.removedOn ?? ""),
                    })}
                  </div>
                </>
              ),
          },
          {
            header: <span className="visually-hidden">{t("evidence.library.col.actions")}</span>,
            cell: (f) =>
              f.uses.length ? null : (
                <Form
                  method="post"
                  onSubmit={(e) =>
                    !confirm(t("evidence.library.confirmDelete", { name: f.name })) && e.preventDefault()
                  }
                >
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={f.id} />
                  <button type="submit" className="secondary small" disabled={busy}>
                    {t("evidence.library.delete")}
                  </button>
                </Form>
              ),
          },
        ]}
      />
      <Pager page={page.page} pages={page.pages} label={t("evidence.library.pages")}>
        <span>{t("evidence.library.pageOf", { page: page.page, pages: page.pages })}</span>
      </Pager>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
