import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, FormError } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { CERTIFY_LIMITS } from "#app/features/destruction/destruction-limits";
import { certifyReturn, returnRequestPage } from "#app/features/destruction/returns.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { publicOrigin } from "#app/lib/env.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { titleOf } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "destruction.certify.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return returnRequestPage(user, params.requestId);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  // the request is the holder's, or a 404, before anything of the upload is kept
  await returnRequestPage(user, params.requestId);
  const upload = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id });
  try {
    await certifyReturn(user, params.requestId, upload, request, publicOrigin(request));
  } catch (error) {
    return refusalResponse(error, { values: upload.fields });
  }
  return redirect(`/supplier/returns/${encodeURIComponent(params.requestId ?? "")}?certified=1`);
}

export default function CertifyReturnPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const format = useFormat();
  const errors: Record<string, string[]> = (reply?.errors as Record<string, string[]>) ?? {};
  const values: Record<string, string> = (reply?.values as Record<string, string>) ?? {};
  const milestone =
    d.kind === "phase" ? t("destruction.milestonePhase", { phase: d.phase ?? "" }) : t(`destruction.kind.${d.kind}`);
  return (
    <>
      {params.get("certified") ? <p className="flash">{t("destruction.certify.done")}</p> : null}
      <div className="page-head">
        <h1>{t("destruction.certify.title")}</h1>
        <Link className="button secondary" to="/supplier/returns">
          {t("destruction.certify.back")}
        </Link>
      </div>
      <section className="card form-section">
        <p>
          {t("destruction.certify.about", {
            agreement: d.agreement,
            milestone,
            date: format.day(d.effectiveDate),
            due: format.day(d.dueDate),
          })}
        </p>
        <p className="muted">{d.classes.map((c) => t(`labels.class.${c}`)).join(", ")}</p>
      </section>
      {d.certification ? (
        <section className="card form-section" data-testid="certified">
          <h2>{t("destruction.certify.certifiedHeading")}</h2>
          <ul>
            {d.certification.entries.map((e) => (
              <li key={e.infoClass}>
                {t("destruction.entry", {
                  class: t(`labels.class.${e.infoClass}`),
                  disposition: t(`destruction.disposition.${e.disposition as "returned"}`),
                  method: e.method,
                  standard: e.standard || "-",
                  date: format.day(e.completedOn),
                })}
              </li>
            ))}
          </ul>
          <p>
            {t("destruction.signedBy", {
              name: d.certification.signedByName,
              title: d.certification.signedByTitle,
              date: format.day(d.certification.signedOn),
            })}
          </p>
          {d.certification.certificate ? (
            <p>
              <a href={d.certification.certificate.href}>{d.certification.certificate.name}</a>
            </p>
          ) : null}
        </section>
      ) : (
        <Form method="post" encType="multipart/form-data" className="card form-section" noValidate>
          <h2>{t("destruction.certify.formHeading")}</h2>
          <FormError messages={errors[""]} />
          <datalist id="destruction-standards">
            {d.standards.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          {d.classes.map((c) => (
            <fieldset key={c} className="field destruction-class">
              <legend>{t(`labels.class.${c}`)}</legend>
              <div
                role="radiogroup"
                aria-label={t("destruction.certify.disposition", { class: t(`labels.class.${c}`) })}
              >
                {(["returned", "destroyed"] as const).map((k) => (
                  <label key={k} className="check">
                    <input
                      type="radio"
                      name={`disposition.${c}`}
                      value={k}
                      defaultChecked={values[`disposition.${c}`] === k}
                    />{" "}
                    {t(`destruction.disposition.${k}`)}
                  </label>
                ))}
                <ErrorList errors={errors[`disposition.${c}`]} />
              </div>
              <Field
                label={t("destruction.certify.method")}
                errors={errors[`method.${c}`]}
                inputProps={{
                  name: `method.${c}`,
                  maxLength: CERTIFY_LIMITS.method,
                  defaultValue: values[`method.${c}`],
                  required: true,
                }}
              />
              <Field
                label={t("destruction.certify.standard")}
                errors={errors[`standard.${c}`]}
                inputProps={{
                  name: `standard.${c}`,
                  list: "destruction-standards",
                  maxLength: CERTIFY_LIMITS.standard,
                  defaultValue: values[`standard.${c}`],
                }}
              />
              <Field
                label={t("destruction.certify.completedOn")}
                errors={errors[`completedOn.${c}`]}
                inputProps={{
                  name: `completedOn.${c}`,
                  type: "date",
                  max: d.today,
                  defaultValue: values[`completedOn.${c}`],
                  required: true,
                }}
              />
            </fieldset>
          ))}
          <Field
            label={t("destruction.certify.signedByName")}
            errors={errors.signedByName}
            inputProps={{
              name: "signedByName",
              maxLength: CERTIFY_LIMITS.signedByName,
              defaultValue: values.signedByName,
              required: true,
              autoComplete: "name",
            }}
          />
          <Field
            label={t("destruction.certify.signedByTitle")}
            errors={errors.signedByTitle}
            inputProps={{
              name: "signedByTitle",
              maxLength: CERTIFY_LIMITS.signedByTitle,
              defaultValue: values.signedByTitle,
              required: true,
              autoComplete: "organization-title",
            }}
          />
          <Field
            label={t("destruction.certify.signedOn")}
            errors={errors.signedOn}
            inputProps={{
              name: "signedOn",
              type: "date",
              max: d.today,
              defaultValue: values.signedOn ?? d.today,
              required: true,
            }}
          />
          <Field
            label={
              d.certificateRequired ? t("destruction.certify.fileRequired") : t("destruction.certify.fileOptional")
            }
            errors={errors.certificate}
            hint={t("destruction.certify.fileHint")}
            inputProps={{
              name: "certificate",
              type: "file",
              accept: ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg",
              required: d.certificateRequired,
            }}
          />
          <p className="muted small">{t("destruction.certify.once")}</p>
          <button type="submit" disabled={busy}>
            {busy ? t("destruction.certify.submitting") : t("destruction.certify.submit")}
          </button>
        </Form>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
