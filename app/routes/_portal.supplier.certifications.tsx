import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ListTable } from "#app/components/list-table";
import { ErrorList } from "#app/components/forms";
import { CertificationFields } from "#app/features/evidence/certification-fields";
import { requireUser } from "#app/features/accounts/auth.server";
import {
  addCertification,
  certificationsPage,
  removeCertification,
} from "#app/features/evidence/certifications.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { notFound } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { t as tServer } from "#app/i18n/messages.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.certifications") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return certificationsPage(user.orgId);
}

const DeleteSchema = z.object({ intent: z.literal("delete"), id: z.string().regex(/^[0-9a-f]{24}$/) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id });
    try {
      await addCertification(user, upload, request);
    } catch (error) {
      return refusalResponse(error, { values: upload.fields });
    }
    return redirect("/supplier/certifications?added=1");
  }
  const parsed = DeleteSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { values: {}, errors: { "": [tServer("evidence.unknownAction")] } as Record<string, string[]> },
      { status: 400 },
    );
  if (!(await removeCertification(user, parsed.data.id, request))) notFound();
  return redirect("/supplier/certifications?removed=1");
}

export default function CertificationsPage() {
  const { certifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const format = useFormat();
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <>
      {params.get("added") ? (
        <p className="flash">{t("evidence.cert.added")}</p>
      ) : params.get("removed") ? (
        <p className="flash">{t("evidence.cert.removed")}</p>
      ) : null}
      <h1>{t("evidence.cert.title")}</h1>
      <p className="muted">{t("evidence.cert.intro")}</p>
      <ListTable
        rows={certifications}
        rowKey={(c) => c.id}
        empty={t("evidence.cert.empty")}
        columns={[
          { header: t("evidence.cert.col.standard"), cell: (c) => c.standard },
          {
            header: t("evidence.cert.col.numberBody"),
            cell: (c) => (
              <>
                {c.certificateNumber}
                <div className="muted">{c.certificationBody}</div>
              </>
            ),
          },
          { header: t("evidence.cert.col.scope"), cell: (c) => c.scope },
          {
            header: t("evidence.cert.col.valid"),
            cell: (c) => (
              <>
                {t("evidence.cert.validRange", { issued: format.day(c.issueDate), expires: format.day(c.expiryDate) })}{" "}
                {c.expired ? <span className="badge bad">{t("evidence.cert.expired")}</span> : null}
              </>
            ),
          },
          {
            header: t("evidence.cert.col.file"),
            cell: (c) =>
              c.file ? (
                <a href={c.file.href}>{c.file.name}</a>
              ) : (
                <span className="muted">{t("evidence.cert.noFile")}</span>
              ),
          },
          {
            header: null,
            cell: (c) => (
              <Form
                method="post"
                onSubmit={(e) =>
                  !confirm(t("evidence.cert.confirmRemove", { number: c.certificateNumber })) && e.preventDefault()
                }
              >
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={c.id} />
                <button type="submit" className="secondary small" disabled={busy}>
                  {t("evidence.cert.remove")}
                </button>
              </Form>
            ),
          },
        ]}
      />
      <Form method="post" encType="multipart/form-data" className="card form-section" noValidate>
        <h2>{t("evidence.cert.addHeading")}</h2>
        {errors[""] ? <p className="form-error">{errors[""].join(" ")}</p> : null}
        <CertificationFields values={values} errors={errors} />
        <div className="field">
          <label htmlFor="file">{t("evidence.cert.fileLabel")}</label>
          <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" />
          <ErrorList id="file-error" errors={errors.file} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t("evidence.cert.uploading") : t("evidence.cert.add")}
        </button>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
