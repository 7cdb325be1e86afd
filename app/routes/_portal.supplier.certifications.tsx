import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ErrorList } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { deleteEvidence } from "#app/features/evidence/evidence.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { receiveEvidence } from "#app/features/evidence/uploads.server";
import { recordAudit } from "#models/audit-event.server";
import { Certification, listCertificationsForSupplier } from "#models/certification.server";
import { isIsoDate } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { toObjectId } from "#app/lib/ids.server";
import { isDuplicateKey } from "#models/duplicate-key";

export const meta: MetaFunction = () => [{ title: "Certifications · Flowdown" }];

const CONTROL = /^A\.(5\.([1-9]|[12][0-9]|3[0-7])|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[12][0-9]|3[0-4]))$/;

const CertificationSchema = z
  .object({
    standard: z.string().trim().min(1, "Enter the standard, e.g. ISO/IEC 27001:2022").max(80),
    certificateNumber: z.string().trim().min(1, "Enter the certificate number").max(80),
    certificationBody: z.string().trim().min(1, "Enter the certification body that issued it").max(160),
    scope: z.string().trim().min(1, "Enter the scope as written on the certificate").max(2000),
    issueDate: z.string().refine(isIsoDate, "Enter a date as YYYY-MM-DD"),
    expiryDate: z.string().refine(isIsoDate, "Enter a date as YYYY-MM-DD"),
    controls: z
      .string()
      .max(2000)
      .transform((s) => [
        ...new Set(
          s
            .split(/[\s,;]+/)
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ])
      .refine((list) => list.every((c) => CONTROL.test(c)), "Use Annex A control ids such as A.5.24, A.8.24"),
  })
  .refine((v) => !isIsoDate(v.issueDate) || !isIsoDate(v.expiryDate) || v.expiryDate >= v.issueDate, {
    path: ["expiryDate"],
    message: "A certificate cannot expire before it was issued",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const certs = await listCertificationsForSupplier({ supplierOrgId: user.orgId });
  const today = todayIso();
  return {
    today,
    certifications: certs.map((c) => ({
      id: String(c._id),
      standard: c.standard,
      certificateNumber: c.certificateNumber,
      certificationBody: c.certificationBody,
      scope: c.scope,
      issueDate: c.issueDate,
      expiryDate: c.expiryDate,
      controls: c.controls ?? [],
      file: c.fileId ? { href: `/evidence/${String(c.fileId)}`, name: c.fileName } : null,
      expired: c.expiryDate < today,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const actor = { id: user.id, email: user.email, orgId: user.orgId };
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await receiveEvidence(request, { ownerOrgId: user.orgId, uploadedBy: user.id });
    const values = upload.fields;
    if (!upload.ok)
      return data({ values, errors: { file: [upload.error] } as Record<string, string[]> }, { status: upload.status });
    const parsed = CertificationSchema.safeParse({ controls: "", ...upload.fields });
    const file = upload.files[0] ?? null;
    if (!parsed.success) {
      if (file) await deleteEvidence(file.id, user.orgId);
      return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
    }
    try {
      const cert = await Certification.create({
        ...parsed.data,
        supplierOrgId: user.orgId,
        fileId: file ? file.id : null,
        fileName: file?.fileName ?? "",
        createdBy: user.id,
      });
      await recordAudit({
        action: "certification.create",
        actor,
        targetType: "certification",
        targetId: String(cert._id),
        details: { standard: cert.standard, number: cert.certificateNumber, expiry: cert.expiryDate },
        ip: clientIp(request),
      });
    } catch (error) {
      if (file) await deleteEvidence(file.id, user.orgId);
      if (isDuplicateKey(error))
        return data(
          {
            values,
            errors: { certificateNumber: ["This certificate is already on file"] } as Record<string, string[]>,
          },
          { status: 400 },
        );
      throw error;
    }
    return redirect("/supplier/certifications?added=1");
  }
  const form = Object.fromEntries(await request.formData());
  const parsed = z.object({ intent: z.literal("delete"), id: z.string().regex(/^[0-9a-f]{24}$/) }).safeParse(form);
  if (!parsed.success)
    return data({ values: {}, errors: { "": ["Unknown action"] } as Record<string, string[]> }, { status: 400 });
  const cert = await Certification.findOneAndDelete({
    _id: toObjectId(parsed.data.id),
    supplierOrgId: user.orgId,
  }).lean();
  if (!cert) throw new Response("Not found", { status: 404 });
  if (cert.fileId) await deleteEvidence(String(cert.fileId), user.orgId);
  await recordAudit({
    action: "certification.delete",
    actor,
    targetType: "certification",
    targetId: parsed.data.id,
    details: { standard: cert.standard, number: cert.certificateNumber },
    ip: clientIp(request),
  });
  return redirect("/supplier/certifications?removed=1");
}

export default function CertificationsPage() {
  const { certifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const input = (name: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={name}
      name={name}
      defaultValue={values[name] ?? ""}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${name}-error` : undefined}
      {...props}
    />
  );
  return (
    <>
      {params.get("added") ? (
        <p className="flash">Certificate added.</p>
      ) : params.get("removed") ? (
        <p className="flash">Certificate removed.</p>
      ) : null}
      <h1>Certifications</h1>
      <p className="muted">
        Certificates count for every questionnaire of your organisation, when they are valid through the agreement's
        term and their scope covers the service you provide.
      </p>
      {certifications.length === 0 ? (
        <p className="empty">No certificates on file.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Standard</th>
              <th>Number and body</th>
              <th>Scope</th>
              <th>Valid</th>
              <th>File</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {certifications.map((c) => (
              <tr key={c.id}>
                <td>{c.standard}</td>
                <td>
                  {c.certificateNumber}
                  <div className="muted">{c.certificationBody}</div>
                </td>
                <td>{c.scope}</td>
                <td>
                  {c.issueDate} to {c.expiryDate} {c.expired ? <span className="badge bad">expired</span> : null}
                </td>
                <td>{c.file ? <a href={c.file.href}>{c.file.name}</a> : <span className="muted">none</span>}</td>
                <td>
                  <Form
                    method="post"
                    onSubmit={(e) => !confirm(`Remove certificate ${c.certificateNumber}?`) && e.preventDefault()}
                  >
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" className="secondary small" disabled={busy}>
                      Remove
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post" encType="multipart/form-data" className="card form-section" noValidate>
        <h2>Add a certificate</h2>
        {errors[""] ? <p className="form-error">{errors[""].join(" ")}</p> : null}
        <div className="grid-2">
          <div className="field">
            <label htmlFor="standard">Standard</label>
            {input("standard", { list: "standards", placeholder: "ISO/IEC 27001:2022" })}
            <datalist id="standards">
              <option value="ISO/IEC 27001:2022" />
              <option value="ISO/IEC 27701:2019" />
              <option value="SOC 2 Type II" />
              <option value="TISAX" />
            </datalist>
            <ErrorList id="standard-error" errors={errors.standard} />
          </div>
          <div className="field">
            <label htmlFor="certificateNumber">Certificate number</label>
            {input("certificateNumber")}
            <ErrorList id="certificateNumber-error" errors={errors.certificateNumber} />
          </div>
          <div className="field">
            <label htmlFor="certificationBody">Certification body</label>
            {input("certificationBody")}
            <ErrorList id="certificationBody-error" errors={errors.certificationBody} />
          </div>
          <div className="field">
            <label htmlFor="scope">Scope</label>
            {input("scope")}
            <ErrorList id="scope-error" errors={errors.scope} />
          </div>
          <div className="field">
            <label htmlFor="issueDate">Issued</label>
            {input("issueDate", { type: "date" })}
            <ErrorList id="issueDate-error" errors={errors.issueDate} />
          </div>
          <div className="field">
            <label htmlFor="expiryDate">Expires</label>
            {input("expiryDate", { type: "date" })}
            <ErrorList id="expiryDate-error" errors={errors.expiryDate} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="controls">Annex A controls in the statement of applicability (optional)</label>
          {input("controls", { placeholder: "leave empty when all of Annex A applies" })}
          <ErrorList id="controls-error" errors={errors.controls} />
        </div>
        <div className="field">
          <label htmlFor="file">Certificate file (PDF or image, optional)</label>
          <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" />
          <ErrorList id="file-error" errors={errors.file} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Add certificate"}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
