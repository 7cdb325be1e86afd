import { Link, useNavigation, useSearchParams } from "@remix-run/react";
import { useFormat, useT } from "#app/i18n/react";
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
import { LifecycleSection } from "#app/features/lifecycle/lifecycle-view";
import { LifecycleBadge } from "#app/features/lifecycle/lifecycle-badge";

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
  const t = useT();
  return (
    <>
      {params.get("saved") ? (
        <p className="flash">
          {t("agreements.page.saved", {
            revision: header.scoring.revision,
            scored: header.scoring.results ? "yes" : "no",
          })}
        </p>
      ) : null}
      {params.get("report") ? (
        <p className="flash">{t("agreements.page.reportStored", { version: params.get("report") })}</p>
      ) : null}
      <div className="page-head">
        <h1>
          {header.reference}: {header.title}
        </h1>
        <LifecycleBadge state={header.lifecycle.state} survivalEnds={header.lifecycle.survivalEnds} />
        {role === "procurement" && header.lifecycle.state !== "archived" ? (
          <Link className="button secondary" to={`${base}/edit`}>
            {t("agreements.page.edit")}
          </Link>
        ) : null}
      </div>
      <p className="small">
        <Link to={`${base}/audit`}>{t("agreements.page.auditTrail")}</Link>
      </p>
      <div className="stats" data-testid="agreement-summary">
        <div className="stat">
          <div className="value">{s.suppliers}</div>
          <div className="label">{t("agreements.page.statSuppliers", { approved: s.approved })}</div>
        </div>
        <div className="stat">
          <div className="value">{s.chainFailing}</div>
          <div className="label">{t("agreements.page.statFailing")}</div>
        </div>
        {s.phases.map((p) => (
          <div className="stat" key={p.name}>
            <div className="value">
              {p.cleared}/{s.suppliers}
            </div>
            <div className="label">{t("agreements.page.statCleared", { phase: p.name })}</div>
          </div>
        ))}
        <div className="stat">
          <div className="value">{s.expiring}</div>
          <div className="label">{t("agreements.page.statExpiring")}</div>
        </div>
      </div>
      <ResultsBasis
        scoring={header.scoring}
        assessmentHref={role === "procurement" ? (id) => `/procurement/assessments/${id}` : undefined}
      />
      <nav className="tabs" aria-label={t("agreements.page.sections")}>
        {AGREEMENT_TABS.map((tab) => (
          <Link
            key={tab.key}
            to={agreementTabHref(role, header.id, tab.key)}
            aria-current={data.tab === tab.key ? "page" : undefined}
            preventScrollReset
          >
            {t(tab.label)}
            {pendingTab === tab.key ? <span className="loading" aria-label={t("agreements.page.loading")} /> : null}
          </Link>
        ))}
      </nav>
      {data.tab === "compliance" ? <ComplianceSection v={data.compliance} /> : null}
      {data.tab === "chain" ? <ChainSection v={data.chain} /> : null}
      {data.tab === "reassessments" ? (
        <section className="card form-section">
          <h2>{t("agreements.page.reassessments")}</h2>
          <ReassessmentPolicyFacts policy={data.policy} />
          <ReassessmentTable
            rows={data.reassessments}
            assessmentHref={role === "procurement" ? (id) => `/procurement/assessments/${id}` : undefined}
          />
          <h2>{t("agreements.page.incidents")}</h2>
          <IncidentTable incidents={data.incidents} />
        </section>
      ) : null}
      {data.tab === "lifecycle" ? <LifecycleSection v={data.lifecycle} role={role} agreementId={header.id} /> : null}
      {data.tab === "terms" ? <AgreementDetails a={data.agreement} /> : null}
      {data.tab === "reports" ? (
        <ReportVersions
          title={t("agreements.page.reportTitle")}
          versions={data.reports}
          canGenerate
          error={reportError}
        />
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
  const t = useT();
  const format = useFormat();
  if (scoring.results === 0) return null;
  return (
    <section className="results-basis" aria-labelledby="results-basis-heading" data-testid="results-basis">
      <p id="results-basis-heading">
        {scoring.current === scoring.results
          ? t("agreements.basis.allCurrent", { results: scoring.results, revision: scoring.revision })
          : t("agreements.basis.someCurrent", {
              current: scoring.current,
              results: scoring.results,
              revision: scoring.revision,
            })}
        {scoring.latestComputedAt
          ? t("agreements.basis.latest", { moment: format.moment(scoring.latestComputedAt) })
          : "."}
        {scoring.needsReview > 0 ? (
          <strong> {t("agreements.basis.needsReview", { count: scoring.needsReview })}</strong>
        ) : null}
      </p>
      {scoring.changes.length ? (
        <details open>
          <summary>
            {t("agreements.basis.changed", { revision: scoring.revision, count: scoring.changes.length })}
          </summary>
          <ul>
            {scoring.changes.map((c) => (
              <li key={`${c.assessmentId}-${c.computedAt}`}>
                {assessmentHref ? <Link to={assessmentHref(c.assessmentId)}>{c.supplierName}</Link> : c.supplierName}{" "}
                <span className="small">
                  ({c.trigger}, {format.moment(c.computedAt)})
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
