import { FormError } from "#app/components/forms";
import { Form, useNavigation } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { useFormat, useLocale, useT } from "#app/i18n/react";
import { LOCALES, LOCALE_NAMES, type Locale } from "#app/i18n/locales";

export interface ReportVersionRow {
  id: string;
  version: number;
  generatedAt: string;
  generatedBy: string;
  trigger: "on_demand" | "approval";
  /** the language of the report's own words; null for reports made before it was kept */
  language: Locale | null;
  sha256: string;
  size: number;
  pages: number;
  href: string;
}

function kib(bytes: number) {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The stored versions of a PDF report with download links, and (when the
 * viewer may) a button that generates a new version. Generating a large
 * report takes a moment, so the button says so while it runs.
 */
export function ReportVersions({
  title,
  versions,
  canGenerate,
  error,
}: {
  title: string;
  versions: ReportVersionRow[];
  canGenerate: boolean;
  error?: string[];
}) {
  const navigation = useNavigation();
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const generating = navigation.state !== "idle" && navigation.formData?.get("intent") === "report";
  return (
    <section className="card form-section" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{title}</h2>
      <ListTable
        rows={versions}
        rowKey={(v) => v.id}
        empty={t("reports.versions.empty")}
        columns={[
          {
            header: t("reports.column.version"),
            cell: (v) => (
              <>
                v{v.version}
                {v.language ? (
                  <span className="muted small" lang={v.language}>
                    {" "}
                    · {LOCALE_NAMES[v.language]}
                  </span>
                ) : null}
                {v.trigger === "approval" ? (
                  <span className="muted small"> {t("reports.versions.onApproval")}</span>
                ) : null}
              </>
            ),
          },
          { header: t("reports.column.generated"), cell: (v) => format.moment(v.generatedAt) },
          { header: t("reports.column.by"), cell: (v) => v.generatedBy },
          {
            header: "SHA-256",
            cell: (v) => (
              <code className="hash" title={v.sha256}>
                {v.sha256.slice(0, 16)}…
              </code>
            ),
          },
          {
            header: t("reports.column.file"),
            cell: (v) => (
              <>
                <a href={v.href} download>
                  {t("reports.versions.download")}
                </a>{" "}
                <span className="muted small">
                  {t("reports.versions.pages", { pages: v.pages, size: kib(v.size) })}
                </span>
              </>
            ),
          },
        ]}
      />
      <FormError messages={error} />
      {canGenerate ? (
        <Form method="post" className="inline report-form">
          <input type="hidden" name="intent" value="report" />
          <label>
            {t("pdf.form.language")}{" "}
            <select name="language" defaultValue={locale}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="submit" disabled={navigation.state !== "idle"} aria-busy={generating || undefined}>
            {generating
              ? t("reports.versions.generating")
              : versions.length
                ? t("reports.versions.generateNew")
                : t("reports.versions.generate")}
          </button>
        </Form>
      ) : null}
      <p className="small muted">
        {t.rich("reports.versions.verifyHint", { link: (chunks) => <a href="/verify">{chunks}</a> })}
      </p>
    </section>
  );
}
