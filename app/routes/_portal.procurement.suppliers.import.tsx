import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorList, FormError } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { ImportPreviewTable } from "#app/features/directory/import-preview";
import { MAX_CSV_BYTES, MAX_LINE_CHARS, MAX_ROWS } from "#app/features/directory/supplier-csv";
import {
  confirmSupplierImport,
  importPreview,
  receiveSupplierCsv,
} from "#app/features/directory/supplier-import.server";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction = () => [{ title: "Import suppliers · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const id = new URL(request.url).searchParams.get("import");
  const preview = id ? await importPreview(user, id) : null;
  return { preview, missing: Boolean(id) && !preview };
}

const ConfirmSchema = z.object({
  intent: z.literal("confirm", { error: "Unknown action" }),
  importId: z.string().regex(/^[0-9a-f]{24}$/, "The import is missing; upload the file again"),
  skipErrors: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  // the file form is the only multipart one
  if ((request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    let id;
    try {
      id = await receiveSupplierCsv(user, request);
    } catch (error) {
      return refusalResponse(error, { step: "upload" as const });
    }
    return redirect(`/procurement/suppliers/import?import=${id}`);
  }
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ step: "confirm" as const, errors: { "": [parsed.error.issues[0].message] } }, { status: 400 });
  try {
    const result = await confirmSupplierImport(user, parsed.data.importId, parsed.data.skipErrors, request);
    const counts = new URLSearchParams({
      imported: "1",
      created: String(result.created),
      linkedCount: String(result.linked),
      skipped: String(result.skipped),
      yours: String(result.alreadyYours),
    });
    return redirect(`/procurement/suppliers?${counts}`);
  } catch (error) {
    return refusalResponse(error, { step: "confirm" as const });
  }
}

export default function ImportSuppliersPage() {
  const { preview, missing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const uploading = busy && navigation.formEncType === "multipart/form-data";
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const uploadErrors = actionData?.step === "upload" ? errors : {};
  const confirmErrors = actionData?.step === "confirm" ? errors : {};
  const importable = preview ? preview.counts.create + preview.counts.link : 0;
  return (
    <>
      <p>
        <Link to="/procurement/suppliers">← Suppliers</Link>
      </p>
      <h1>Import suppliers from CSV</h1>
      {missing ? (
        <p className="notice">That import has expired or was already confirmed. Upload the file again.</p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card" noValidate>
        <p className="muted">
          A CSV file (UTF-8, comma- or semicolon-separated) whose first row names the columns{" "}
          <code>name,country,registration_number,contact_email,service</code> (name and country are required; country as
          an ISO code such as DE or its English name). At most {MAX_CSV_BYTES / 1024 / 1024} MB,{" "}
          {MAX_ROWS.toLocaleString("en")} suppliers and {MAX_LINE_CHARS.toLocaleString("en")} characters a line. You see
          a preview before anything is added.
        </p>
        {Object.keys(uploadErrors).length ? (
          <p className="form-error" role="alert">
            Nothing was imported.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="file">CSV file</label>
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={uploadErrors.file ? true : undefined}
            aria-describedby={uploadErrors.file ? "file-error" : undefined}
          />
          <ErrorList id="file-error" errors={uploadErrors.file} />
        </div>
        <button type="submit" disabled={busy}>
          {uploading ? "Reading the file…" : preview ? "Upload another file" : "Upload and preview"}
        </button>
      </Form>

      {preview ? (
        <section className="card form-section" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview of {preview.fileName}</h2>
          <p data-testid="import-counts">
            {preview.counts.create} new, {preview.counts.link} known to the portal already (they will be linked to your
            directory, not created again), {preview.counts.yours} already among your suppliers,{" "}
            <strong>
              {preview.counts.error} {preview.counts.error === 1 ? "row" : "rows"} with errors
            </strong>
            .
          </p>
          <ImportPreviewTable rows={preview.rows} />
          <Form
            method="post"
            action={`/procurement/suppliers/import?import=${preview.id}`}
            className="form-section"
            noValidate
          >
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="importId" value={preview.id} />
            <FormError messages={confirmErrors[""]} />
            {preview.counts.error > 0 ? (
              <label className="check">
                <input type="checkbox" name="skipErrors" /> Skip the rows with errors ({preview.counts.error}) and
                import the others
              </label>
            ) : null}
            <div className="form-actions">
              <button type="submit" disabled={busy || importable === 0}>
                {busy && !uploading
                  ? "Importing…"
                  : importable === 0
                    ? "Nothing to import"
                    : `Import ${importable} ${importable === 1 ? "supplier" : "suppliers"}`}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
