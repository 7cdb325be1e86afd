import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
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
import { fieldErrors } from "#app/lib/forms.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.title.importSuppliers") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const id = new URL(request.url).searchParams.get("import");
  const preview = id ? await importPreview(user, id) : null;
  return { preview, missing: Boolean(id) && !preview };
}

const ConfirmSchema = z.object({
  intent: z.literal("confirm", { error: "directory.import.unknownAction" }),
  importId: z.string().regex(/^[0-9a-f]{24}$/, "directory.import.missingId"),
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
    return data(
      { step: "confirm" as const, errors: { "": Object.values(fieldErrors(parsed.error)).flat().slice(0, 1) } },
      { status: 400 },
    );
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
  const t = useT();
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
        <Link to="/procurement/suppliers">{t("directory.back.supplier")}</Link>
      </p>
      <h1>{t("directory.import.title")}</h1>
      {missing ? <p className="notice">{t("directory.import.missing")}</p> : null}
      <Form method="post" encType="multipart/form-data" className="card" noValidate>
        <p className="muted">
          {t.rich("directory.import.help", {
            code: (chunks) => <code>{chunks}</code>,
            mb: MAX_CSV_BYTES / 1024 / 1024,
            rows: MAX_ROWS,
            chars: MAX_LINE_CHARS,
          })}
        </p>
        {Object.keys(uploadErrors).length ? (
          <p className="form-error" role="alert">
            {t("directory.import.nothingImported")}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="file">{t("directory.import.file")}</label>
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
          {uploading
            ? t("directory.import.reading")
            : preview
              ? t("directory.import.uploadAnother")
              : t("directory.import.upload")}
        </button>
      </Form>

      {preview ? (
        <section className="card form-section" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("directory.import.previewOf", { fileName: preview.fileName })}</h2>
          <p data-testid="import-counts">
            {t.rich("directory.import.counts", {
              b: (chunks) => <strong>{chunks}</strong>,
              create: preview.counts.create,
              link: preview.counts.link,
              yours: preview.counts.yours,
              errors: preview.counts.error,
            })}
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
                <input type="checkbox" name="skipErrors" />{" "}
                {t("directory.import.skipErrors", { count: preview.counts.error })}
              </label>
            ) : null}
            <div className="form-actions">
              <button type="submit" disabled={busy || importable === 0}>
                {busy && !uploading
                  ? t("directory.import.importing")
                  : importable === 0
                    ? t("directory.import.nothingToImport")
                    : t("directory.import.importCount", { count: importable })}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
