import { ListTable } from "#app/components/list-table";
import { RequirementStatusBadge, RatingBadge } from "#app/components/status";
import { useFormat, useT } from "#app/i18n/react";
import type { CertificateCredit } from "#app/scoring/types";
import type { SpokenAnswer, SpokenIssue } from "#app/i18n/reasons";
import { CERTIFICATE_CREDIT_TONE, answerText, certificateVerdict } from "#reports/view";

type Translate = ReturnType<typeof useT>;

/** Plain data of a scored assessment, as the review page and the report show it. */
export interface ResultView {
  score: number;
  computedScore: number;
  capped: boolean;
  knockOutsFailed: string[];
  inherentRisk: "low" | "medium" | "high" | "critical";
  rating: "low" | "medium" | "high" | "critical";
  riskReasons: string[];
  evaluationDate: string;
  counts: Record<"met" | "partially_met" | "not_met" | "not_answered", number>;
  requirements: {
    requirementId: string;
    title: string;
    category: string;
    weight: number;
    knockOut: boolean;
    status: "met" | "partially_met" | "not_met" | "not_answered";
    computedStatus: "met" | "partially_met" | "not_met" | "not_answered";
    override: { status: string; justification: string; by: string; at: string } | null;
    reasons: string[];
    /** answerText: absent from results stored before it existed */
    answers: SpokenAnswer[];
    evidence: { question: string; name: string; ref: string }[];
    certificationCredit: {
      certificationId: string;
      standard: string;
      controls: string[];
      credit?: CertificateCredit;
    }[];
  }[];
  /** credit and issues: absent from results stored before they existed (see certificateVerdict) */
  certifications: {
    certificationId: string;
    standard: string;
    certificateNumber: string;
    valid: boolean;
    findings: string[];
    credit?: CertificateCredit;
    issues?: SpokenIssue[];
  }[];
}

/** An earlier answer as stored, in the reader's language where it is not the supplier's own text. */
export function formatAnswer(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") return t("review.results.notAnswered");
  if (typeof value === "boolean") return value ? t("review.results.yes") : t("review.results.no");
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v && typeof v === "object"
          ? Object.values(v as Record<string, unknown>)
              .filter((x) => typeof x !== "object")
              .join(" / ")
          : String(v),
      )
      .join("; ");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function ScoreSummary({ r }: { r: ResultView }) {
  const t = useT();
  const format = useFormat();
  const label = (k: keyof ResultView["counts"]) => t(`labels.requirementStatus.${k}`);
  const total = Object.values(r.counts).reduce((a, b) => a + b, 0) || 1;
  const segments: [keyof ResultView["counts"], string][] = [
    ["met", "var(--ok)"],
    ["partially_met", "var(--warn)"],
    ["not_met", "var(--bad)"],
    ["not_answered", "#9aa4b2"],
  ];
  let x = 0;
  return (
    <div className="score-summary" data-testid="score-summary">
      <div className="score-figure">
        <span className="value">{r.score}</span>
        <span className="muted">/ 100</span>
        {r.score !== r.computedScore ? (
          <div className="muted">{t("review.results.withoutOverrides", { score: r.computedScore })}</div>
        ) : null}
      </div>
      <div>
        <RatingBadge rating={r.rating} />{" "}
        <span className="muted">{t("review.results.inherentRisk", { level: r.inherentRisk })}</span>
        {r.knockOutsFailed.length ? (
          <p className="form-error">
            {t(r.capped ? "review.results.knockOutCapped" : "review.results.knockOutIfHigher", {
              list: r.knockOutsFailed
                .map((id) => {
                  const title = r.requirements.find((req) => req.requirementId === id)?.title;
                  return title ? `${id} ${title}` : id;
                })
                .join(", "),
            })}
          </p>
        ) : null}
        <svg
          width="320"
          height="18"
          role="img"
          aria-label={segments
            .map(([k]) => t("review.results.count", { status: label(k), count: r.counts[k] }))
            .join(", ")}
        >
          {segments.map(([k, colour]) => {
            const w = (r.counts[k] / total) * 320;
            const rect = <rect key={k} x={x} y={0} width={w} height={18} fill={colour} />;
            x += w;
            return rect;
          })}
        </svg>
        <div className="muted small">
          {segments.map(([k]) => t("review.results.countColon", { status: label(k), count: r.counts[k] })).join(" · ")}{" "}
          · {t("review.results.evaluated", { date: format.day(r.evaluationDate) })}
        </div>
      </div>
    </div>
  );
}

/**
 * `changed`: for a re-assessment, question name → the answer in the approved
 * assessment it follows, for the answers the supplier changed since.
 */
export function RequirementResults({
  r,
  renderOverride,
  changed,
  reused,
}: {
  r: ResultView;
  renderOverride?: (req: ResultView["requirements"][number]) => React.ReactNode;
  changed?: Record<string, unknown> | null;
  /** answers reused from the supplier's profile (issue 22), by question */
  reused?: Record<string, { lastConfirmedAt: string; state: "confirmed" | "changed" }>;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      label={t("review.results.label")}
      className="data results"
      data-testid="requirement-results"
      rows={r.requirements}
      rowKey={(req) => req.requirementId}
      rowProps={(req) => ({ "data-requirement": req.requirementId })}
      columns={[
        {
          header: t("review.results.requirement"),
          cell: (req) => (
            <>
              <code>{req.requirementId}</code> {req.title}
              {req.knockOut ? (
                <>
                  {" "}
                  <span className="badge bad">{t("review.results.knockOut")}</span>
                </>
              ) : null}
              <div className="muted small">{t("review.results.weight", { weight: req.weight })}</div>
            </>
          ),
        },
        {
          header: t("review.results.result"),
          cell: (req) => (
            <>
              <RequirementStatusBadge status={req.status} overridden={Boolean(req.override)} />
              {req.override ? (
                <div className="override-note">
                  {t("review.results.overrideNote", {
                    computed: t(`labels.requirementStatus.${req.computedStatus}`),
                    by: req.override.by,
                    at: format.moment(req.override.at),
                    justification: req.override.justification,
                  })}
                </div>
              ) : null}
              {renderOverride ? renderOverride(req) : null}
            </>
          ),
        },
        {
          header: t("review.results.why"),
          cell: (req) => (
            <>
              <ul className="reasons">
                {req.reasons.map((reason, i) => (
                  <li key={i}>{reason}</li>
                ))}
              </ul>
              {req.answers.length ? (
                <details open={req.answers.some((a) => changed && a.question in changed) || undefined}>
                  <summary>
                    {t("review.results.answers", { count: req.answers.length })}
                    {changed && req.answers.some((a) => a.question in changed) ? (
                      <>
                        {" "}
                        <span className="badge warn">{t("review.results.changedSinceApproval")}</span>
                      </>
                    ) : null}
                  </summary>
                  <ul className="answers">
                    {req.answers.map((a) => (
                      <li key={a.question} className={changed && a.question in changed ? "changed" : undefined}>
                        <span className="muted">{a.title}</span>: {answerText(a)}
                        {changed && a.question in changed ? (
                          <span className="was"> {t("review.was", { was: formatAnswer(changed[a.question], t) })}</span>
                        ) : null}
                        {reused?.[a.question] ? (
                          <span
                            className="muted reused"
                            data-testid="reused-answer"
                            data-state={reused[a.question]!.state}
                          >
                            {" "}
                            ({t("prefill.review.item", { date: format.day(reused[a.question]!.lastConfirmedAt) })},{" "}
                            {t(`prefill.review.${reused[a.question]!.state}`)})
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {req.evidence.length ? (
                <div className="evidence">
                  {t("review.results.evidence")}{" "}
                  {req.evidence.map((e, i) => (
                    <span key={e.ref + i}>
                      {i ? ", " : ""}
                      <a href={e.ref}>{e.name}</a>
                    </span>
                  ))}
                </div>
              ) : null}
              {req.certificationCredit.length ? (
                <div className="muted small">
                  {req.certificationCredit
                    .map((c) => t("review.results.creditFrom", { credit: c.credit ?? "full", standard: c.standard }))
                    .join(", ")}
                </div>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

/** One verdict per certificate, the same one the certification requirement and the control credit read. */
export function CertificationFindings({ r }: { r: ResultView }) {
  const t = useT();
  return (
    <ListTable
      label={t("review.results.certificates")}
      rows={r.certifications.map((c) => ({ ...c, ...certificateVerdict(c) }))}
      rowKey={(c) => c.certificationId}
      rowProps={(c) => ({ "data-certificate": c.certificateNumber, "data-credit": c.credit })}
      empty={t("review.results.noCertificates")}
      emptyClassName="muted"
      columns={[
        {
          header: t("review.results.certificate"),
          cell: (c) => (
            <>
              {c.standard} <span className="muted">{c.certificateNumber}</span>
            </>
          ),
        },
        {
          header: t("review.results.givesCredit"),
          cell: (c) => (
            <span className={`badge ${CERTIFICATE_CREDIT_TONE[c.credit]}`}>
              {t(`review.results.credit.${c.credit}`)}
            </span>
          ),
        },
        {
          header: t("review.results.findings"),
          cell: (c) =>
            c.issues.length ? (
              <ul className="reasons">
                {c.issues.map((f, i) => (
                  <li key={i}>
                    <strong>{f.name}</strong>
                    {f.detail ? <>: {f.detail}</> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t("review.results.none")}</span>
            ),
        },
      ]}
    />
  );
}
