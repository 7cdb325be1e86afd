import type { SendPreview } from "./send-form.server";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const FACT_TEXT: Record<SendPreview["alsoAsked"]["facts"][number], string> = {
  notifyHours: "breach notification hours",
  dataLocations: "data locations",
};

function alsoAskedText(also: SendPreview["alsoAsked"]): string | null {
  const parts = [
    also.identification ? `${plural(also.identification, "question")} identifying the supplier and its contacts` : "",
    also.fact
      ? `${plural(also.fact, "question")} the chain needs from every supplier (${also.facts.map((f) => FACT_TEXT[f]).join(", ")})`
      : "",
    also.condition ? `${plural(also.condition, "question")} that other questions depend on` : "",
  ].filter(Boolean);
  return parts.length ? `Also asked: ${parts.join("; ")}.` : null;
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
  if (loading)
    return (
      <p className="loading" role="status" data-testid="send-preview-loading">
        Working out what this questionnaire will ask under the agreement…
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
  const uncovered = uncoveredNotice(p);
  return (
    <section className="form-section" aria-labelledby="send-preview-title" data-testid="send-preview">
      <h2 id="send-preview-title">What the supplier will be asked</h2>
      <p data-testid="send-preview-summary">
        {p.all
          ? `Every question of the questionnaire: ${plural(p.questions, "question")} (${p.required} required) on ${plural(p.pages.length, "page")}.`
          : `${p.questions} of the questionnaire's ${p.templateQuestions} questions (${p.required} required), on ${p.pages.length} of its ${plural(p.templatePages, "page")}: ${p.pages.join(", ")}.`}
      </p>
      {p.all && p.requirements.length === 0 ? (
        <p className="muted">
          No question of this questionnaire is mapped to a requirement of the agreement, so it cannot be tailored.
        </p>
      ) : null}
      {p.requirements.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Tailoring preview">
          <table className="data">
            <caption className="muted small">Questions per requirement of the agreement</caption>
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Questions</th>
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
      {!p.all && alsoAskedText(p.alsoAsked) ? <p className="small muted">{alsoAskedText(p.alsoAsked)}</p> : null}
      {uncovered}
    </section>
  );
}

function uncoveredNotice(p: SendPreview) {
  const unanswerable = p.uncovered.filter((r) => !r.byCertificates);
  const byCertificates = p.uncovered.filter((r) => r.byCertificates);
  if (p.uncovered.length === 0) return null;
  return (
    <div className="notice" data-testid="send-preview-uncovered">
      {unanswerable.length ? (
        <>
          <p>
            The agreement needs {plural(unanswerable.length, "requirement")} that this questionnaire cannot answer;{" "}
            {unanswerable.length === 1 ? "it" : "they"} will show as not answered:
          </p>
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
          Judged from the supplier's certificates alone, with no question about them:{" "}
          {byCertificates.map((r) => `${r.id} ${r.title}`).join(", ")}.
        </p>
      ) : null}
    </div>
  );
}
