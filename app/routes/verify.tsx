import {
  data,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type UploadHandler,
} from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorList } from "#app/components/forms";
import { rateLimited, recordAttempt, tooManyAttemptsMessage } from "#app/lib/rate-limit.server";
import { sha256OfStream, verifyReportHash, type Verification } from "#app/features/reports/reports.server";
import { say, t as tServer } from "#app/i18n/messages.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.title.verify") }];

/** Reports are a few MB at most; anything much larger cannot be one of ours. */
const MAX_VERIFY_BYTES = 50 * 1024 * 1024;
const HashSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, "reports.verify.hashFormat");

type VerifyResult =
  | { verification: Verification; source: "file" | "hash"; fileName?: string }
  | { errors: Record<string, string[]> };

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("sha256");
  if (q === null) return { result: null };
  const parsed = HashSchema.safeParse(q);
  if (!parsed.success) return { result: { errors: { sha256: [say(parsed.error.issues[0].message)] } } as VerifyResult };
  const wait = await rateLimited("verify", request);
  if (wait)
    throw new Response(tooManyAttemptsMessage(wait), {
      status: 429,
      headers: { "Retry-After": String(wait * 60), "Content-Type": "text/plain; charset=utf-8" },
    });
  await recordAttempt("verify", request);
  return { result: { verification: await verifyReportHash(parsed.data), source: "hash" } as VerifyResult };
}

export async function action({ request }: ActionFunctionArgs) {
  const type = request.headers.get("Content-Type") ?? "";
  const wait = await rateLimited("verify", request);
  if (wait) {
    const field = type.startsWith("multipart/form-data") ? "file" : "sha256";
    return data<VerifyResult>(
      { errors: { [field]: [tooManyAttemptsMessage(wait)] } },
      { status: 429, headers: { "Retry-After": String(wait * 60) } },
    );
  }
  await recordAttempt("verify", request);
  if (type.startsWith("multipart/form-data")) {
    if (Number(request.headers.get("Content-Length") ?? "0") > MAX_VERIFY_BYTES + 64 * 1024) {
      return data<VerifyResult>({ errors: { file: [tServer("reports.verify.tooLarge")] } }, { status: 413 });
    }
    let hashed: Awaited<ReturnType<typeof sha256OfStream>> | null = null;
    let fileName = "";
    const handler: UploadHandler = async ({ name, filename, data: stream }) => {
      if (name === "file" && filename && !hashed) {
        fileName = filename.slice(0, 200);
        hashed = await sha256OfStream(stream, MAX_VERIFY_BYTES);
      } else {
        for await (const chunk of stream) void chunk;
      }
      return undefined;
    };
    try {
      await parseMultipartFormData(request, handler);
    } catch {
      return data<VerifyResult>({ errors: { file: [tServer("reports.verify.unreadable")] } }, { status: 400 });
    }
    const h = hashed as Awaited<ReturnType<typeof sha256OfStream>> | null;
    if (!h) return data<VerifyResult>({ errors: { file: [tServer("reports.verify.chooseFile")] } }, { status: 400 });
    if ("tooLarge" in h)
      return data<VerifyResult>({ errors: { file: [tServer("reports.verify.tooLarge")] } }, { status: 413 });
    if (h.size === 0)
      return data<VerifyResult>({ errors: { file: [tServer("reports.verify.emptyFile")] } }, { status: 400 });
    return data<VerifyResult>({ verification: await verifyReportHash(h.sha256), source: "file", fileName });
  }
  const form = await request.formData();
  const parsed = HashSchema.safeParse(form.get("sha256") ?? "");
  if (!parsed.success)
    return data<VerifyResult>({ errors: { sha256: [say(parsed.error.issues[0].message)] } }, { status: 400 });
  return data<VerifyResult>({ verification: await verifyReportHash(parsed.data), source: "hash" });
}

function Outcome({ r }: { r: Extract<VerifyResult, { verification: Verification }> }) {
  const v = r.verification;
  const t = useT();
  const format = useFormat();
  if (!v.authentic) {
    return (
      <section className="card verify-result bad" role="status">
        <h2>{t("reports.verify.notAuthentic")}</h2>
        <p>
          {r.fileName
            ? t("reports.verify.notAuthenticFile", { fileName: r.fileName })
            : t("reports.verify.notAuthenticText")}
        </p>
        <p className="small">
          SHA-256: <code className="hash">{v.sha256}</code>
        </p>
      </section>
    );
  }
  return (
    <section className="card verify-result ok" role="status">
      <h2>{t("reports.verify.authentic")}</h2>
      <dl className="facts">
        <dt>{t("reports.verify.report")}</dt>
        <dd>{t("reports.verify.kind", { kind: v.kind })}</dd>
        <dt>{t("reports.verify.agreement")}</dt>
        <dd>{v.agreementRef}</dd>
        <dt>{v.kind === "assessment" ? t("reports.verify.supplier") : t("reports.verify.title")}</dt>
        <dd>{v.subject}</dd>
        <dt>{t("reports.column.version")}</dt>
        <dd>v{v.version}</dd>
        <dt>{t("reports.column.generated")}</dt>
        <dd>{t("reports.verify.generatedBy", { at: format.moment(v.generatedAt), name: v.generatedBy })}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="hash">{v.sha256}</code>
        </dd>
      </dl>
      {v.latest ? (
        <p className="notice">
          {t("reports.verify.newer", {
            version: String(v.latest.version),
            at: format.moment(v.latest.generatedAt),
          })}
        </p>
      ) : (
        <p className="flash">{t("reports.verify.latest")}</p>
      )}
    </section>
  );
}

export default function VerifyPage() {
  const { result: fromLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = (actionData ?? fromLink) as VerifyResult | null;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const uploading = busy && navigation.formEncType === "multipart/form-data";
  const errors = result && "errors" in result ? result.errors : {};
  const t = useT();
  return (
    <main className="centered wide">
      <p className="brand">
        <Link to="/">Flowdown</Link>
        <small>{t("reports.verify.brand")}</small>
      </p>
      <div className="card">
        <h1>{t("reports.verify.heading")}</h1>
        <p>{t("reports.verify.intro")}</p>
        <Form method="post" encType="multipart/form-data" className="form-section">
          <div className="field">
            <label htmlFor="file">{t("reports.verify.fileLabel")}</label>
            <input
              id="file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              required
              aria-invalid={errors.file ? true : undefined}
            />
            <ErrorList errors={errors.file} />
          </div>
          <button type="submit" disabled={busy}>
            {uploading ? t("reports.verify.checkingFile") : t("reports.verify.checkFile")}
          </button>
        </Form>
        <Form method="post" className="form-section">
          <div className="field">
            <label htmlFor="sha256">{t("reports.verify.hashLabel")}</label>
            <input
              id="sha256"
              name="sha256"
              type="text"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              placeholder={t("reports.verify.hashPlaceholder")}
              aria-invalid={errors.sha256 ? true : undefined}
            />
            <ErrorList errors={errors.sha256} />
          </div>
          <button type="submit" className="secondary" disabled={busy}>
            {busy && !uploading ? t("reports.verify.checking") : t("reports.verify.checkHash")}
          </button>
        </Form>
      </div>
      {result && "verification" in result ? <Outcome r={result} /> : null}
    </main>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
