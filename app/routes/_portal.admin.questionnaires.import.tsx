import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import importStyles from "#app/features/questionnaires/import.css";
import { ListTable } from "#app/components/list-table";
import { ErrorList } from "#app/components/forms";
import { MappingEditor } from "#app/features/questionnaires/mapping-editor";
import { SurveyPreview } from "#app/features/questionnaires/survey-preview";
import { requireUser } from "#app/features/accounts/auth.server";
import { PUBLISH_LIMITS } from "#app/features/questionnaires/publish-limits";
import { refusalResponse } from "#app/lib/refusal.server";
import { t as say } from "#app/i18n/messages.server";
import { useT } from "#app/i18n/react";
import {
  importPageData,
  publishFormValues,
  publishFromForm,
  receiveImport,
} from "#app/features/questionnaires/questionnaire-import.server";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.title.importQuestionnaire") }];
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: surveyStyles },
  { rel: "stylesheet", href: importStyles },
];

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
        `/admin/questionnaires?${new URLSearchParams({ published: result.title, id: result.templateId, version: result.versionTag })}`,
      );
    }
    default:
      return data(
        {
          intent: "unknown" as const,
          errors: { "": [say("questionnaires.import.unknownAction")] },
          values: {} as Record<string, string>,
        },
        { status: 400 },
      );
  }
}

const FORMAT_NAMES: Record<string, string> = { surveyjs: "SurveyJS", vsaq: "VSAQ", csv: "CSV", xlsx: "Excel" };

export default function ImportQuestionnairePage() {
  const { draft, defaults, requirements, missingDraft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const t = useT();
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values: Record<string, string> = { ...(defaults ?? {}), ...(actionData?.values ?? {}) };
  const field = (name: string) => ({
    id: name,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });

  return (
    <div className="import-page">
      <p>
        <Link to="/admin/questionnaires">{t("questionnaires.import.back")}</Link>
      </p>
      <h1>{t("questionnaires.list.import")}</h1>
      {missingDraft ? <p className="notice">{t("questionnaires.import.missingDraft")}</p> : null}
      <Form method="post" encType="multipart/form-data" className="card" noValidate>
        <p className="muted">{t("questionnaires.import.formats")}</p>
        {actionData?.intent === "upload" ? (
          <p className="form-error" role="alert">
            {t("questionnaires.import.nothingImported")}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="file">{t("questionnaires.import.file")}</label>
          <input type="file" {...field("file")} accept=".json,.csv,.xlsx" required />
          <ErrorList id="file-error" errors={errors.file} />
        </div>
        <button type="submit" disabled={busy}>
          {busy
            ? t("questionnaires.import.reading")
            : draft
              ? t("questionnaires.import.another")
              : t("questionnaires.import.preview")}
        </button>
      </Form>

      {draft ? (
        <>
          <h2>
            {t("questionnaires.import.previewOf", { fileName: draft.fileName })}{" "}
            <span className="muted">({FORMAT_NAMES[draft.format]})</span>
          </h2>
          {/* unnamed, so not a second landmark of the same name as the findings' scroll region below */}
          <section>
            <h3 id="findings-title">
              {draft.findings.length === 0
                ? t("questionnaires.import.allImported")
                : t("questionnaires.import.findings", { count: draft.findings.length })}
            </h3>
            {draft.findings.length ? (
              <div className="scroll-region" role="region" aria-labelledby="findings-title" tabIndex={0}>
                <ListTable
                  className="data findings"
                  rows={draft.findings}
                  rowKey={(_, i) => i}
                  columns={[
                    { header: t("questionnaires.import.item"), cell: (f) => <code>{f.itemId}</code> },
                    {
                      header: t("questionnaires.import.level"),
                      cell: (f) => (
                        <span className={`badge ${f.level === "warning" ? "bad" : "info"}`}>
                          {t("questionnaires.import.levelValue", { level: f.level })}
                        </span>
                      ),
                    },
                    { header: t("questionnaires.import.whatHappened"), cell: (f) => f.reason },
                  ]}
                />
              </div>
            ) : null}
          </section>

          <Form method="post" className="card" noValidate>
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="draftId" value={draft.id} />
            {actionData?.intent === "publish" ? (
              <div className="form-error" role="alert">
                {t("questionnaires.import.nothingPublished")}
                <ErrorList errors={errors[""]} />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="templateId">{t("questionnaires.import.templateId")}</label>
              <input {...field("templateId")} maxLength={PUBLISH_LIMITS.templateId} defaultValue={values.templateId} />
              <small className="muted">{t("questionnaires.import.templateIdHint")}</small>
              <ErrorList id="templateId-error" errors={errors.templateId} />
            </div>
            <div className="field">
              <label htmlFor="title">{t("questionnaires.column.title")}</label>
              <input {...field("title")} maxLength={PUBLISH_LIMITS.title} defaultValue={values.title} />
              <ErrorList id="title-error" errors={errors.title} />
            </div>
            <div className="field">
              <label htmlFor="version">{t("questionnaires.column.version")}</label>
              <input {...field("version")} maxLength={PUBLISH_LIMITS.version} defaultValue={values.version} />
              <ErrorList id="version-error" errors={errors.version} />
            </div>
            <div className="field">
              <label htmlFor="description">{t("questionnaires.import.description")}</label>
              <textarea
                {...field("description")}
                rows={2}
                maxLength={PUBLISH_LIMITS.description}
                defaultValue={values.description}
              />
              <small className="muted">
                {t("questionnaires.import.limitHint", { max: PUBLISH_LIMITS.description })}
              </small>
              <ErrorList id="description-error" errors={errors.description} />
            </div>
            <h3>{t("questionnaires.import.questionsHeading")}</h3>
            <p className="muted">{t("questionnaires.import.questionsIntro")}</p>
            {/* a new draft starts from its own file, not from the choices made on the previous one */}
            <MappingEditor key={draft.id} sections={draft.sections} requirements={requirements} errors={errors} />
            <button type="submit" disabled={busy}>
              {busy ? t("questionnaires.import.publishing") : t("questionnaires.import.publish")}
            </button>
          </Form>

          <h2 id="preview-title">{t("questionnaires.import.howSuppliersSee")}</h2>
          <div className="survey-preview scroll-region" role="region" aria-labelledby="preview-title" tabIndex={0}>
            <SurveyPreview survey={draft.survey} />
          </div>
        </>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
