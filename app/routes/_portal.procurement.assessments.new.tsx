import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { ErrorList } from "#app/components/forms";
import { sendAssessment } from "#app/features/assessments/assessments.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { fieldErrors } from "#app/lib/forms.server";
import { SendSchema, sendFormPage } from "#app/features/assessments/send-form.server";
import { SendPreviewPanel } from "#app/features/assessments/send-preview";
import { RECIPIENTS_FIELD_MAX, RECIPIENTS_MAX } from "#app/features/assessments/send-limits";
import { AddOrganizationDialog, type AddedOrganization } from "#app/features/directory/add-organization-dialog";
import { useT } from "#app/i18n/react";
import { rootMessage as pageTitle } from "#app/i18n/meta";
import type { loader as previewLoader } from "./procurement.assessments.new.preview";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assessments.send.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return sendFormPage(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const form = Object.fromEntries(await request.formData());
  // checked and shown again as typed: never shortened, so an address cannot be cut into another
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = SendSchema.safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // the e-mail list reports per item ("emails.2"); show them beside the one field
    for (const key of Object.keys(errors)) if (key.startsWith("emails.")) (errors.emails ??= []).push(...errors[key]);
    return data({ values, errors }, { status: 400 });
  }
  const result = await sendAssessment(user, parsed.data, request);
  if (!result.ok) return data({ values, errors: result.errors, open: result.open ?? null }, { status: 400 });
  return redirect(`/procurement/assessments/${result.assessmentId}?sent=1`);
}

export default function SendQuestionnairePage() {
  const t = useT();
  const { agreements, templates, defaultDue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values: Record<string, string> = actionData?.values ?? {
    agreementId: params.get("agreementId") ?? params.get("agreement") ?? "",
    supplierOrgId: params.get("supplierOrgId") ?? params.get("supplier") ?? "",
    emails: params.get("emails") ?? "",
  };
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  // the supplier's open questionnaire under this agreement, when sending was refused because of it
  const open = (actionData as { open?: { id: string } | null } | undefined)?.open ?? null;
  const [agreementId, setAgreementId] = useState(values.agreementId ?? "");
  const [templateId, setTemplateId] = useState(values.templateId ?? "full-security");
  const [supplierOrgId, setSupplierOrgId] = useState(values.supplierOrgId ?? "");
  const [emails, setEmails] = useState(values.emails ?? "");
  const [chainNotice, setChainNotice] = useState<string | null>(null);
  // a supplier just added to the chain in the dialog: chosen, its contact offered as the recipient
  const onAddedToChain = useCallback((org: AddedOrganization, message: string) => {
    setSupplierOrgId(org.id);
    setEmails((typed) => (typed.trim() === "" ? org.contactEmail : typed));
    setChainNotice(message);
  }, []);
  const chooseSupplier = (id: string) => {
    setSupplierOrgId(id);
    const contact = agreements.find((a) => a.id === agreementId)?.suppliers.find((s) => s.id === id)?.contactEmail;
    if (contact) setEmails((typed) => (typed.trim() === "" ? contact : typed));
  };
  const navigation = useNavigation();
  const agreement = agreements.find((a) => a.id === agreementId);
  const chosenProfile = agreement?.suppliers.find((s) => s.id === supplierOrgId)?.profile ?? null;
  // what the chosen questionnaire would ask under the chosen agreement, worked out on the server
  const preview = useFetcher<typeof previewLoader>();
  const previewUrl =
    agreementId && templateId
      ? `/procurement/assessments/new/preview?${new URLSearchParams({ agreementId, templateId })}`
      : null;
  // the URL the shown preview answers; a reload after a refused send keeps it on screen meanwhile
  const [previewFor, setPreviewFor] = useState<string | null>(null);
  useEffect(() => {
    if (previewUrl) preview.load(previewUrl);
    // a fetcher's identity changes with each load; the URL is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewUrl]);
  useEffect(() => {
    if (preview.state === "idle" && preview.data) setPreviewFor(previewUrl);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preview.state, preview.data]);
  const field = (name: string) => ({
    id: name,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });

  if (agreements.length === 0) return <p className="empty">{t("assessments.send.noAgreement")}</p>;
  return (
    <>
      <h1>{t("assessments.send.title")}</h1>
      <Form method="post" className="card" noValidate>
        {Object.keys(errors).length ? (
          <p className="form-error" role="alert">
            {t("assessments.send.nothingSent")}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="agreementId">{t("assessments.send.agreement")}</label>
          <select
            {...field("agreementId")}
            value={agreementId}
            onChange={(e) => {
              setAgreementId(e.target.value);
              setSupplierOrgId("");
              setChainNotice(null);
            }}
          >
            <option value="">{t("assessments.send.choose")}</option>
            {agreements.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
          <ErrorList id="agreementId-error" errors={errors.agreementId} />
        </div>
        <div className="field">
          <label htmlFor="supplierOrgId">{t("assessments.send.supplier")}</label>
          <select {...field("supplierOrgId")} value={supplierOrgId} onChange={(e) => chooseSupplier(e.target.value)}>
            <option value="">
              {agreement ? t("assessments.send.choose") : t("assessments.send.chooseAgreementFirst")}
            </option>
            {agreement?.suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <ErrorList id="supplierOrgId-error" errors={errors.supplierOrgId} />
          {chosenProfile ? (
            <p className="small">
              <a href={chosenProfile} target="_blank" rel="noreferrer">
                {t("sharing.send.lookFirst")}
              </a>
            </p>
          ) : null}
          {chainNotice ? (
            <p className="flash" role="status">
              {chainNotice}
            </p>
          ) : null}
          {agreement ? (
            <p className="small">
              {t("assessments.send.notInChain")}{" "}
              <AddOrganizationDialog
                key={agreement.id}
                kind="supplier"
                label={t("assessments.send.addLabel")}
                title={t("assessments.send.addTitle")}
                agreementId={agreement.id}
                fallbackHref={`/procurement/agreements/${agreement.id}/edit`}
                onAdded={onAddedToChain}
              />
            </p>
          ) : null}
          {open ? (
            <>
              <p className="small">
                <a href={`/procurement/assessments/${open.id}`}>{t("assessments.send.openSent")}</a>
              </p>
              <label className="check">
                <input type="checkbox" name="sendAnother" /> {t("assessments.send.sendAnother")}
              </label>
            </>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="templateId">{t("assessments.send.questionnaire")}</label>
          <select {...field("templateId")} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {t("assessments.send.templateOption", { title: template.title, version: template.version })}
              </option>
            ))}
          </select>
          <ErrorList id="templateId-error" errors={errors.templateId} />
        </div>
        {previewUrl ? (
          <SendPreviewPanel
            loading={preview.state === "loading" && previewFor !== previewUrl}
            preview={preview.data?.preview ?? null}
            error={preview.data?.errors ? Object.values(preview.data.errors).flat()[0] : null}
          />
        ) : null}
        <div className="field">
          <label htmlFor="dueDate">{t("assessments.send.dueDate")}</label>
          <input {...field("dueDate")} type="date" defaultValue={values.dueDate ?? defaultDue} />
          <ErrorList id="dueDate-error" errors={errors.dueDate} />
        </div>
        <div className="field">
          <label htmlFor="emails">{t("assessments.send.recipients")}</label>
          <textarea
            {...field("emails")}
            rows={3}
            maxLength={RECIPIENTS_FIELD_MAX}
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
            placeholder={t("assessments.send.onePerLine")}
          />
          <small className="muted">{t("assessments.send.recipientsHint", { max: RECIPIENTS_MAX })}</small>
          <ErrorList id="emails-error" errors={errors.emails} />
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("assessments.send.sending") : t("assessments.send.submit")}
        </button>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
