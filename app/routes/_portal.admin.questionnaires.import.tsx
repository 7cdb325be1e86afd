import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import { ListTable } from "#app/components/list-table";
import { ErrorList } from "#app/components/forms";
import { SurveyPreview } from "#app/features/questionnaires/survey-preview";
import { requireUser } from "#app/features/accounts/auth.server";
import { refusalResponse } from "#app/lib/refusal.server";
import {
  importPageData,
  publishFormValues,
  publishFromForm,
  receiveImport,
} from "#app/features/questionnaires/questionnaire-import.server";

export const meta: MetaFunction = () => [{ title: "Import a questionnaire · Flowdown" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return importPageData(new URL(request.url).searchParams.get("draft"));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "admin" });
  // the file form is the only multipart one
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let draftId;
    try {
      draftId = await receiveImport(request, user);
    } catch (error) {
      return refusalResponse(error, { intent: "upload" as const, values: {} as Record<string, string> });
    }
    return redirect(`/admin/questionnaires/import?draft=${draftId}`);
  }
  const form = await request.formData();
  const intent = form.get("intent");
  switch (intent) {
    case "publish": {
      const values = publishFormValues(form);
      let result;
      try {
        result = await publishFromForm(user, request, values, form);
      } catch (error) {
        return refusalResponse(error, { intent: "publish" as const, values });
      }
      return redirect(
        `/admin/questionnaires?published=${encodeURIComponent(`${result.templateId} ${result.versionTag}`)}`,
      );
    }
    default:
      return data(
        { intent: "unknown" as const, errors: { "": ["Unknown action"] }, values: {} as Record<string, string> },
        { status: 400 },
      );
  }
}

export default function ImportQuestionnairePage() {
  const { draft, defaults, requirements, missingDraft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values: Record<string, string> = { ...(defaults ?? {}), ...(actionData?.values ?? {}) };
  const field = (name: string) => ({
    id: name,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });

  return (
    <>
      <p>
        <Link to="/admin/questionnaires">← Questionnaires</Link>
      </p>
      <h1>Import a questionnaire</h1>
      {missingDraft ? (
        <p className="notice">That import has expired or was already published. Upload the file again.</p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card" noValidate>
        <p className="muted">
          A VSAQ questionnaire (.json, comments and joined strings are fine), or a question list (.csv or .xlsx) with
          the columns id, section, question, answer type, choices and requirement ids (optional: expected answer). At
          most 1 MB.
        </p>
        {actionData?.intent === "upload" ? (
          <p className="form-error" role="alert">
            Nothing was imported.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="file">File</label>
          <input type="file" {...field("file")} accept=".json,.csv,.xlsx" required />
          <ErrorList id="file-error" errors={errors.file} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Reading…" : draft ? "Import another file" : "Import and preview"}
        </button>
      </Form>

      {draft ? (
        <>
          <h2>
            Preview of {draft.fileName} <span className="muted">({draft.format.toUpperCase()})</span>
          </h2>
          <section aria-labelledby="findings-title">
            <h3 id="findings-title">
              {draft.findings.length === 0
                ? "Everything in the file was imported."
                : `${draft.findings.length} finding${draft.findings.length === 1 ? "" : "s"}: what the import could not carry over as it was`}
            </h3>
            {draft.findings.length ? (
              <ListTable
                className="data findings"
                rows={draft.findings}
                rowKey={(_, i) => i}
                columns={[
                  { header: "Item", cell: (f) => <code>{f.itemId}</code> },
                  {
                    header: "Level",
                    cell: (f) => <span className={`badge ${f.level === "warning" ? "bad" : "info"}`}>{f.level}</span>,
                  },
                  { header: "What happened", cell: (f) => f.reason },
                ]}
              />
            ) : null}
          </section>

          <Form method="post" className="card" noValidate>
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="draftId" value={draft.id} />
            {actionData?.intent === "publish" ? (
              <div className="form-error" role="alert">
                Nothing was published.
                <ErrorList errors={errors[""]} />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="templateId">Questionnaire id</label>
              <input {...field("templateId")} defaultValue={values.templateId} />
              <small className="muted">
                Publishing again under the same id adds a version; assessments keep the version they were sent with.
              </small>
              <ErrorList id="templateId-error" errors={errors.templateId} />
            </div>
            <div className="field">
              <label htmlFor="title">Title</label>
              <input {...field("title")} defaultValue={values.title} />
              <ErrorList id="title-error" errors={errors.title} />
            </div>
            <div className="field">
              <label htmlFor="version">Version</label>
              <input {...field("version")} defaultValue={values.version} />
              <ErrorList id="version-error" errors={errors.version} />
            </div>
            <div className="field">
              <label htmlFor="description">Description</label>
              <textarea {...field("description")} rows={2} defaultValue={values.description} />
              <ErrorList id="description-error" errors={errors.description} />
            </div>
            <h3>Requirements each question answers</h3>
            <p className="muted">
              Pre-filled from the file. Hold Ctrl (or ⌘) to choose several; questions without a requirement are kept as
              information only.
            </p>
            <table className="data mapping">
              <thead>
                <tr>
                  <th>Question</th>
                  <th>Requirements</th>
                  <th>Judged</th>
                </tr>
              </thead>
              <tbody>
                {draft.questions.map((q) => (
                  <tr key={q.name}>
                    <td>
                      <label htmlFor={`req-${q.name}`}>{q.title}</label>
                      <div className="muted">
                        <code>{q.name}</code> · {q.type}
                      </div>
                    </td>
                    <td>
                      <input type="hidden" name={`req:${q.name}`} value="" />
                      <select
                        id={`req-${q.name}`}
                        name={`req:${q.name}`}
                        multiple
                        size={3}
                        defaultValue={q.requirements}
                      >
                        {requirements.map((r) => (
                          <option key={r.id} value={r.id}>
                            {r.id}: {r.title}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="muted">{q.judgeNote}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="submit" disabled={busy}>
              {busy ? "Publishing…" : "Publish"}
            </button>
          </Form>

          <h2>How suppliers will see it</h2>
          <div className="survey-preview">
            <SurveyPreview survey={draft.survey} />
          </div>
        </>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
