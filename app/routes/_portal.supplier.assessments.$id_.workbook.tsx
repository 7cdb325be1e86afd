import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { getAssessmentFor } from "#app/features/assessments/assessments.server";
import {
  applyWorkbookImport,
  discardWorkbookImport,
  importWorkbook,
  receiveWorkbook,
  workbookPage,
} from "#app/features/workbook/workbook-import.server";
import { notFound } from "#app/lib/http.server";
import { say } from "#app/i18n/messages.server";
import { titleOf } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.title ? `${data.title} · Flowdown` : titleOf(matches, "workbook.page.title") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  return workbookPage(user, assessment, request);
}

const DecisionSchema = z.object({
  intent: z.enum(["apply", "discard"]),
  importId: z.string().regex(/^[0-9a-f]{24}$/),
});

type Refused = { kind: "refused"; message: string };
type Rows = { kind: "rows"; rows: { sheet: string; row: number; question: string; message: string }[] };

async function upload(request: Request, user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  const assessment = await getAssessmentFor(user, id);
  if (!assessment) notFound();
  const received = await receiveWorkbook(request);
  if (!received.ok)
    return data<Refused>({ kind: "refused", message: say(received.message) }, { status: received.status });
  if (received.fields.intent !== "upload")
    return data<Refused>({ kind: "refused", message: say("workbook.unknownAction") }, { status: 400 });
  const outcome = await importWorkbook(user, assessment, received);
  switch (outcome.kind) {
    case "pending":
      return redirect(`/supplier/assessments/${id}/workbook?import=${outcome.importId}`);
    case "unchanged":
      return { kind: "unchanged" as const };
    case "closed":
      return data<Refused>({ kind: "refused", message: say("workbook.closed") }, { status: 409 });
    case "refused":
      return data<Refused>({ kind: "refused", message: say(outcome.message) }, { status: 400 });
    case "rows":
      return data<Rows>(
        {
          kind: "rows",
          rows: outcome.errors.map((e) => ({
            sheet: e.sheet,
            row: e.row,
            question: e.question,
            message: say(e.message),
          })),
        },
        { status: 400 },
      );
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const id = params.id ?? "";
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return upload(request, user, id);
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data<Refused>({ kind: "refused", message: say("workbook.unknownAction") }, { status: 400 });
  if (!(await getAssessmentFor(user, id))) notFound();
  if (parsed.data.intent === "discard") {
    await discardWorkbookImport(user, id, parsed.data.importId);
    return redirect(`/supplier/assessments/${id}/workbook?discarded=1`);
  }
  const outcome = await applyWorkbookImport(user, id, parsed.data.importId, request);
  switch (outcome.kind) {
    case "applied":
      return redirect(`/supplier/assessments/${id}/workbook?applied=${outcome.count}`);
    case "conflict":
      return data<Refused>({ kind: "refused", message: say("workbook.apply.conflict") }, { status: 409 });
    case "closed":
      return data<Refused>({ kind: "refused", message: say("workbook.closed") }, { status: 409 });
    case "invalid":
      return data<Refused>(
        { kind: "refused", message: [say("workbook.apply.invalid"), ...outcome.errors].join(" ") },
        { status: 400 },
      );
    default:
      return data<Refused>({ kind: "refused", message: say("workbook.apply.gone") }, { status: 410 });
  }
}

export default function WorkbookPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Refused | Rows | { kind: "unchanged" } | undefined;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const applied = params.get("applied");
  const pending = d.pending;
  return (
    <>
      {applied ? (
        <p className="flash" role="status">
          {t("workbook.page.applied", { count: Number(applied) || 0 })}
        </p>
      ) : null}
      {params.get("discarded") ? (
        <p className="flash" role="status">
          {t("workbook.page.discarded")}
        </p>
      ) : null}
      <p>
        <Link to={`/supplier/assessments/${d.id}`}>{t("workbook.page.back")}</Link>
      </p>
      <h1>{t("workbook.page.heading")}</h1>
      <p className="muted">{d.title}</p>
      <p>{t("workbook.page.intro")}</p>

      <section className="card form-section" aria-labelledby="workbook-download">
        <h2 id="workbook-download">{t("workbook.page.downloadHeading")}</h2>
        <form method="get" action={`/supplier/assessments/${d.id}/workbook.xlsx`} className="workbook-download">
          <div className="field">
            <label htmlFor="workbook-lang">{t("workbook.page.language")}</label>
            <select id="workbook-lang" name="lang" defaultValue={d.language}>
              {d.languages.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("workbook.page.download")}</button>
        </form>
      </section>

      {pending ? (
        <section className="card form-section" aria-labelledby="workbook-diff" data-testid="workbook-diff">
          <h2 id="workbook-diff">{t("workbook.page.diffHeading", { count: pending.rows.length })}</h2>
          <p className="muted">{t("workbook.page.diffIntro", { file: pending.fileName })}</p>
          {pending.stale ? (
            <p className="notice" role="alert">
              {t("workbook.apply.conflict")}
            </p>
          ) : null}
          {actionData?.kind === "refused" ? (
            <p className="form-error" role="alert">
              {actionData.message}
            </p>
          ) : null}
          <ListTable
            rows={pending.rows}
            rowKey={(r) => r.name}
            label={t("workbook.page.diffHeading", { count: pending.rows.length })}
            columns={[
              { header: t("workbook.page.col.question"), cell: (r) => r.question },
              { header: t("workbook.page.col.stored"), cell: (r) => r.before },
              { header: t("workbook.page.col.workbook"), cell: (r) => <strong>{r.after}</strong> },
            ]}
          />
          <div className="workbook-decision">
            <Form method="post">
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="importId" value={pending.id} />
              <button type="submit" disabled={busy || pending.stale}>
                {t("workbook.page.apply", { count: pending.rows.length })}
              </button>
            </Form>
            <Form method="post" onSubmit={(e) => !confirm(t("workbook.page.confirmDiscard")) && e.preventDefault()}>
              <input type="hidden" name="intent" value="discard" />
              <input type="hidden" name="importId" value={pending.id} />
              <button type="submit" className="secondary" disabled={busy}>
                {t("workbook.page.discard")}
              </button>
            </Form>
          </div>
        </section>
      ) : d.importGone ? (
        <p className="notice">{t("workbook.apply.gone")}</p>
      ) : null}

      <section className="card form-section" aria-labelledby="workbook-upload">
        <h2 id="workbook-upload">{t("workbook.page.uploadHeading")}</h2>
        {d.editable ? (
          <Form method="post" encType="multipart/form-data" data-testid="workbook-upload">
            <input type="hidden" name="intent" value="upload" />
            <div className="field">
              <label htmlFor="workbook-file">{t("workbook.page.file")}</label>
              <input
                id="workbook-file"
                name="workbook"
                type="file"
                required
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="workbook-file-hint"
              />
              <small id="workbook-file-hint" className="muted">
                {t("workbook.page.fileHint", { mb: d.maxMb })}
              </small>
            </div>
            {!pending && actionData?.kind === "refused" ? (
              <p className="form-error" role="alert">
                {actionData.message}
              </p>
            ) : null}
            {actionData?.kind === "unchanged" ? (
              <p className="notice" role="status">
                {t("workbook.page.unchanged")}
              </p>
            ) : null}
            <button type="submit" disabled={busy}>
              {navigation.state === "submitting" ? t("workbook.page.checking") : t("workbook.page.upload")}
            </button>
          </Form>
        ) : (
          <p className="notice">{t("workbook.closed")}</p>
        )}
        {actionData?.kind === "rows" ? (
          <div role="alert" data-testid="workbook-row-errors">
            <p className="form-error">{t("workbook.page.rowErrors", { count: actionData.rows.length })}</p>
            <ListTable
              rows={actionData.rows}
              rowKey={(r, i) => `${r.sheet}:${r.row}:${i}`}
              label={t("workbook.page.rowErrors", { count: actionData.rows.length })}
              columns={[
                { header: t("workbook.page.col.sheet"), cell: (r) => r.sheet },
                { header: t("workbook.page.col.row"), cell: (r) => (r.row > 0 ? r.row : "") },
                { header: t("workbook.page.col.question"), cell: (r) => r.question },
                { header: t("workbook.page.col.problem"), cell: (r) => r.message },
              ]}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
