import { Link, useNavigation, useSearchParams } from "@remix-run/react";
import { utcMinute } from "#app/components/time";
import type { AgreementPageData } from "./agreement-page.server";
import { AGREEMENT_TABS, agreementTabHref } from "./agreement-tabs";
import { AgreementDetails } from "./agreement-view";
import { ChainSection, ComplianceSection } from "./compliance-view";
import {
  IncidentTable,
  ReassessmentPolicyFacts,
  ReassessmentTable,
} from "#app/features/reassessment/reassessment-view";
import { ReportVersions } from "#app/features/reports/report-versions";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

/**
 * One agreement, for procurement (who may edit it) and for the disclosing
 * party: the headline, the tabs, and the open tab's content.
 */
export function AgreementPage({
  data,
  role,
  reportError,
}: {
  data: Jsonified<AgreementPageData>;
  role: "procurement" | "discloser";
  reportError?: string[];
}) {
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { header } = data;
  const base = `/${role}/agreements/${header.id}`;
  const pendingTab =
    navigation.state === "loading" && navigation.location.pathname === base
      ? (new URLSearchParams(navigation.location.search).get("tab") ?? "compliance")
      : null;
  const s = header.summary;
  return (
    <>
      {params.get("saved") ? (
        <p className="flash">
          Agreement saved as revision {header.scoring.revision}.
          {header.scoring.results ? " Every result below is scored against it." : ""}
        </p>
      ) : null}
      {params.get("report") ? (
        <p className="flash">Report version {params.get("report")} generated and stored.</p>
      ) : null}
      <div className="page-head">
        <h1>
          {header.reference}: {header.title}
        </h1>
        {role === "procurement" ? (
          <Link className="button secondary" to={`${base}/edit`}>
            Edit
          </Link>
        ) : null}
      </div>
      <p className="small">
        <Link to={`${base}/audit`}>Audit trail</Link>
      </p>
      <div className="stats" data-testid="agreement-summary">
        <div className="stat">
          <div className="value">{s.suppliers}</div>
          <div className="label">Suppliers in the chain ({s.approved} approved)</div>
        </div>
        <div className="stat">
          <div className="value">{s.chainFailing}</div>
          <div className="label">Chain links failing the flow-downs</div>
        </div>
        {s.phases.map((p) => (
          <div className="stat" key={p.name}>
            <div className="value">
              {p.cleared}/{s.suppliers}
            </div>
            <div className="label">Cleared for {p.name}</div>
          </div>
        ))}
        <div className="stat">
          <div className="value">{s.expiring}</div>
          <div className="label">Certificates expiring within 90 days</div>
        </div>
      </div>
      <ResultsBasis
        scoring={header.scoring}
        assessmentHref={role === "procurement" ? (id) => `/procurement/assessments/${id}` : undefined}
      />
      <nav className="tabs" aria-label="Agreement sections">
        {AGREEMENT_TABS.map((t) => (
          <Link
            key={t.key}
            to={agreementTabHref(role, header.id, t.key)}
            aria-current={data.tab === t.key ? "page" : undefined}
            preventScrollReset
          >
            {t.label}
            {pendingTab === t.key ? <span className="loading" aria-label="loading" /> : null}
          </Link>
        ))}
      </nav>
      {data.tab === "compliance" ? <ComplianceSection v={data.compliance} /> : null}
      {data.tab === "chain" ? <ChainSection v={data.chain} /> : null}
      {data.tab === "reassessments" ? (
        <section className="card form-section">
          <h2>Re-assessments</h2>
          <ReassessmentPolicyFacts policy={data.policy} />
          <ReassessmentTable
            rows={data.reassessments}
            assessmentHref={role === "procurement" ? (id) => `/procurement/assessments/${id}` : undefined}
          />
          <h2>Incidents</h2>
          <IncidentTable incidents={data.incidents} />
        </section>
      ) : null}
      {data.tab === "terms" ? <AgreementDetails a={data.agreement} /> : null}
      {data.tab === "reports" ? (
        <ReportVersions title="Flow-down compliance report" versions={data.reports} canGenerate error={reportError} />
      ) : null}
    </>
  );
}

/**
 * Which terms the results on every tab were computed from, and what the
 * latest re-scorings changed: a reader never takes an old verdict for a
 * current one.
 */
function ResultsBasis({
  scoring,
  assessmentHref,
}: {
  scoring: Jsonified<AgreementPageData>["header"]["scoring"];
  assessmentHref?: (id: string) => string;
}) {
  if (scoring.results === 0) return null;
  return (
    <section className="results-basis" aria-labelledby="results-basis-heading" data-testid="results-basis">
      <p id="results-basis-heading">
        {scoring.current === scoring.results
          ? `${scoring.results === 1 ? "The result is" : `All ${scoring.results} results are`} computed against revision ${scoring.revision} of the agreement, with the certificates on file today`
          : `${scoring.current} of ${scoring.results} results are computed against revision ${scoring.revision} of the agreement; the others are being scored again`}
        {scoring.latestComputedAt ? ` (latest ${utcMinute(scoring.latestComputedAt)}).` : "."}
        {scoring.needsReview > 0 ? (
          <strong>
            {" "}
            {scoring.needsReview === 1
              ? "1 approved assessment now scores differently from its approval and needs review."
              : `${scoring.needsReview} approved assessments now score differently from their approval and need review.`}
          </strong>
        ) : null}
      </p>
      {scoring.changes.length ? (
        <details open>
          <summary>
            What changed in the results with revision {scoring.revision} ({scoring.changes.length}{" "}
            {scoring.changes.length === 1 ? "assessment" : "assessments"})
          </summary>
          <ul>
            {scoring.changes.map((c) => (
              <li key={`${c.assessmentId}-${c.computedAt}`}>
                {assessmentHref ? <Link to={assessmentHref(c.assessmentId)}>{c.supplierName}</Link> : c.supplierName}{" "}
                <span className="small">
                  ({c.trigger}, {utcMinute(c.computedAt)})
                </span>
                : {c.changes.join(" ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
