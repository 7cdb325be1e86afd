import { useT } from "#app/i18n/react";
import type { SendPreview } from "./send-form.server";

type Translate = ReturnType<typeof useT>;

function alsoAskedText(also: SendPreview["alsoAsked"], t: Translate): string | null {
  const parts = [
    also.identification ? t("assessments.preview.alsoIdentification", { count: also.identification }) : "",
    also.fact
      ? t("assessments.preview.alsoFact", {
          count: also.fact,
          facts: also.facts.map((f) => t(`assessments.preview.fact.${f}`)).join(", "),
        })
      : "",
    also.condition ? t("assessments.preview.alsoCondition", { count: also.condition }) : "",
  ].filter(Boolean);
  return parts.length ? t("assessments.preview.alsoAsked", { parts: parts.join("; ") }) : null;
}

/**
 * Before sending: what the chosen questionnaire will ask under the chosen
 * agreement, and what the agreement needs that it cannot answer.
 */
export function SendPreviewPanel({
  loading,
  preview,
  error,
}: {
  loading: boolean;
  preview: SendPreview | null;
  error: string | null;
}) {
  const t = useT();
  if (loading)
    return (
      <p className="loading" role="status" data-testid="send-preview-loading">
        {t("assessments.preview.loading")}
      </p>
    );
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!preview) return null;
  const p = preview;
  const uncovered = uncoveredNotice(p, t);
  const alsoAsked = p.all ? null : alsoAskedText(p.alsoAsked, t);
  return (
    <section className="form-section" aria-labelledby="send-preview-title" data-testid="send-preview">
      <h2 id="send-preview-title">{t("assessments.preview.title")}</h2>
      <p data-testid="send-preview-summary">
        {p.all
          ? t("assessments.preview.summaryAll", { questions: p.questions, required: p.required, pages: p.pages.length })
          : t("assessments.preview.summaryTailored", {
              questions: p.questions,
              templateQuestions: p.templateQuestions,
              required: p.required,
              pages: p.pages.length,
              templatePages: p.templatePages,
              pageNames: p.pages.join(", "),
            })}
      </p>
      {p.all && p.requirements.length === 0 ? <p className="muted">{t("assessments.preview.notTailorable")}</p> : null}
      {p.requirements.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("assessments.preview.tableLabel")}>
          <table className="data">
            <caption className="muted small">{t("assessments.preview.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assessments.preview.requirement")}</th>
                <th scope="col">{t("assessments.preview.questions")}</th>
              </tr>
            </thead>
            <tbody>
              {p.requirements.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.id} {r.title}
                  </td>
                  <td>{r.questions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {alsoAsked ? <p className="small muted">{alsoAsked}</p> : null}
      {uncovered}
    </section>
  );
}

function uncoveredNotice(p: SendPreview, t: Translate) {
  const unanswerable = p.uncovered.filter((r) => !r.byCertificates);
  const byCertificates = p.uncovered.filter((r) => r.byCertificates);
  if (p.uncovered.length === 0) return null;
  return (
    <div className="notice" data-testid="send-preview-uncovered">
      {unanswerable.length ? (
        <>
          <p>{t("assessments.preview.uncovered", { count: unanswerable.length })}</p>
          <ul>
            {unanswerable.map((r) => (
              <li key={r.id}>
                {r.id} {r.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {byCertificates.length ? (
        <p>
          {t("assessments.preview.byCertificates", {
            list: byCertificates.map((r) => `${r.id} ${r.title}`).join(", "),
          })}
        </p>
      ) : null}
    </div>
  );
}
