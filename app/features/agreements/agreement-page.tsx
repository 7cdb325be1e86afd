import { Link, useNavigation, useSearchParams } from "@remix-run/react";
import type { AgreementPageData } from "./agreement-page.server";
import { AGREEMENT_TABS, agreementTabHref } from "./agreement-tabs";
import { AgreementDetails } from "./agreement-view";
import { ChainSection, ComplianceSection } from "./compliance-view";
import { IncidentTable, ReassessmentTable } from "#app/features/reassessment/reassessment-view";
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
      {params.get("saved") ? <p className="flash">Agreement saved.</p> : null}
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
