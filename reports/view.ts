/**
 * Pure derivations shared by the PDF generators and the pages: labels,
 * tones, joins and the compliance matrix. Everything the PDF prints comes
 * from here or straight from the report data, so a page that uses these
 * functions shows exactly what the PDF shows.
 */
import type { AssessmentStatus } from "#models/assessment-status";
import type { GlossaryTerm } from "#models/glossary";
import { languageName, TRANSLATED_LANGUAGES } from "#questionnaires/languages";
import { daysBetween, utcMinuteText } from "#app/scoring/dates";
import { STATUS_CODE, STATUS_TEXT, STATUS_TONE, type Tone } from "#models/labels";
import { certificateCreditOf } from "#app/scoring/certifications";
import type { CertificateCredit, ChainLinkResult, RiskRating, ScoringResult } from "#app/scoring/types";
import type {
  SpokenAnswer as AnswerJudgement,
  SpokenClearance as PhaseClearance,
  SpokenFinding as CertificationFinding,
  SpokenLink,
  SpokenRequirement as RequirementResult,
  SpokenResult,
} from "#app/scoring/said";
import type {
  AgreementReportData,
  AgreementSupplierEntry,
  AssessmentReportData,
  ExpiringCertificate,
  GlossaryEntry,
  IsoDate,
  IsoDateTime,
  MatrixCell,
  RemediationItem,
  RemediationStatus,
  ReportCertification,
  ReportPhase,
  ReportRequirement,
  SupplierResultSummary,
} from "./types";
import type { ReportWords } from "./i18n";

/** An agreement's glossary for the reports' annex: English first, then each agreed translation. */
export function reportGlossary(glossary: readonly GlossaryTerm[] | undefined): GlossaryEntry[] | undefined {
  if (!glossary?.length) return undefined;
  return glossary.map((g) => ({
    term: g.term.en,
    definition: g.definition.en,
    translations: TRANSLATED_LANGUAGES.filter((code) => g.term[code]?.trim() && g.definition[code]?.trim()).map(
      (code) => ({
        language: code,
        languageName: languageName(code),
        term: g.term[code]!,
        definition: g.definition[code]!,
      }),
    ),
  }));
}

export const REMEDIATION_STATUS_TEXT: Record<RemediationStatus, string> = {
  open: "OPEN",
  responded: "RESPONDED",
  accepted: "ACCEPTED",
  rejected: "REJECTED",
  closed: "CLOSED",
};

export const REMEDIATION_STATUS_TONE: Record<RemediationStatus, Tone> = {
  open: "warn",
  responded: "info",
  accepted: "ok",
  rejected: "bad",
  closed: "none",
};

/** "MET", or "MET" + "OVERRIDDEN (computed: NOT MET)" for an override. */
export function requirementStatusText(
  r: Pick<RequirementResult, "status" | "computedStatus" | "override">,
  words?: Pick<ReportWords, "t">,
): {
  label: string;
  tone: Tone;
  overrideNote: string | null;
} {
  if (words)
    return {
      label: words.t(`pdf.status.${r.status}`),
      tone: STATUS_TONE[r.status],
      overrideNote: r.override
        ? words.t("pdf.overrideNote", { status: words.t(`pdf.status.${r.computedStatus}`) })
        : null,
    };
  return {
    label: STATUS_TEXT[r.status],
    tone: STATUS_TONE[r.status],
    overrideNote: r.override ? `OVERRIDDEN (computed: ${STATUS_TEXT[r.computedStatus]})` : null,
  };
}

/** The same as one line of text, for places with no room for a badge. */
export function requirementStatusLine(r: Pick<RequirementResult, "status" | "computedStatus" | "override">): string {
  const t = requirementStatusText(r);
  return t.overrideNote ? `${t.label} — ${t.overrideNote}` : t.label;
}

export function matrixCode(cell: MatrixCell | null): string {
  if (!cell) return "";
  return STATUS_CODE[cell.status] + (cell.overridden ? "*" : "");
}

/** "ISO 8601 instant" → "2026-06-01 09:30 UTC"; unparseable input is returned as written. */
export function formatDateTime(at: IsoDateTime | null | undefined): string {
  return at ? utcMinuteText(at) : "—";
}

export function formatDate(d: IsoDate | IsoDateTime | null | undefined): string {
  if (!d) return "—";
  return /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : d;
}

export function verificationText(
  data: { version: number; verifyUrl?: string },
  words?: Pick<ReportWords, "t">,
): string[] {
  const url = data.verifyUrl ?? "/verify";
  if (words)
    return [words.t("pdf.verification.how", { url }), words.t("pdf.verification.recorded", { version: data.version })];
  return [
    `To check that this file is authentic and unchanged, compute its SHA-256 and verify it at ${url} with SHA-256.`,
    `The SHA-256 of this file is recorded by the portal as version ${data.version} of this report. ` +
      "The hash cannot be printed inside the file it hashes, so it is not shown here.",
  ];
}

// ---------------------------------------------------------------- assessment report

/** A certificate's credit as the pages and the PDF name it. */
export const CERTIFICATE_CREDIT_TEXT: Record<CertificateCredit, string> = {
  full: "Full credit",
  partial: "Partial credit",
  none: "No credit",
};
export const CERTIFICATE_CREDIT_TONE: Record<CertificateCredit, Tone> = { full: "ok", partial: "warn", none: "bad" };

/** One named finding: its name, and what exactly (empty for a finding stored as one line before names existed). */
export interface NamedFinding {
  name: string;
  detail: string;
}

/**
 * A stored certificate verdict as the table shows it: the credit level and
 * the named findings. Results stored before credit levels existed have only
 * `valid` and one-line findings: they read as full or no credit, each line a
 * finding of its own.
 */
export function certificateVerdict(f: Pick<CertificationFinding, "valid" | "credit" | "issues" | "findings">): {
  credit: CertificateCredit;
  issues: NamedFinding[];
} {
  return {
    credit: certificateCreditOf(f),
    issues: f.issues
      ? f.issues.map((i) => ({ name: i.name, detail: i.detail }))
      : f.findings.map((line) => ({ name: line, detail: "" })),
  };
}

export interface CertificationRow extends ReportCertification {
  /** full credit */
  valid: boolean;
  credit: CertificateCredit;
  issues: NamedFinding[];
  /** the findings as lines, "Name: detail" */
  findings: string[];
}

/** Certificates with their verdict and named findings (from the scoring result, joined by id). */
export function certificationRows(data: Pick<AssessmentReportData, "certifications" | "result">): CertificationRow[] {
  const byId = new Map<string, CertificationFinding>(data.result.certifications.map((f) => [f.certificationId, f]));
  const notEvaluated = { name: "Not evaluated", detail: "the scoring engine did not judge this certificate." };
  const rows: CertificationRow[] = data.certifications.map((c) => {
    const f = byId.get(c.id);
    if (!f)
      return { ...c, valid: false, credit: "none", issues: [notEvaluated], findings: [findingLine(notEvaluated)] };
    const verdict = certificateVerdict(f);
    return { ...c, valid: verdict.credit === "full", ...verdict, findings: verdict.issues.map(findingLine) };
  });
  // findings for certificates the data did not describe (should not happen, but never hide a finding)
  const known = new Set(data.certifications.map((c) => c.id));
  for (const f of data.result.certifications) {
    if (known.has(f.certificationId)) continue;
    rows.push({
      id: f.certificationId,
      standard: f.standard,
      certificateNumber: f.certificateNumber,
      certificationBody: "—",
      scope: "—",
      issueDate: "—",
      expiryDate: "—",
      fileRef: null,
      valid: certificateCreditOf(f) === "full",
      ...certificateVerdict(f),
      findings: certificateVerdict(f).issues.map(findingLine),
    });
  }
  return rows;
}

/** "the scope …" → "The scope …", for a finding's detail printed on its own line. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Gap in coverage: no … covers …", or the stored line as it is. */
export function findingLine(finding: NamedFinding): string {
  return finding.detail ? `${finding.name}: ${finding.detail}` : finding.name;
}

export function overriddenRequirements(result: SpokenResult): RequirementResult[] {
  return result.requirements.filter((r) => r.override !== null);
}

export interface RemediationRow extends RemediationItem {
  requirementTitle: string | null;
  overdue: boolean;
}

export function remediationRows(
  data: Pick<AssessmentReportData, "remediation" | "result" | "generatedAt">,
): RemediationRow[] {
  const titles = new Map(data.result.requirements.map((r) => [r.requirementId, r.title]));
  const today = data.generatedAt.slice(0, 10);
  return [...data.remediation]
    .sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.requirementId.localeCompare(b.requirementId),
    )
    .map((item) => ({
      ...item,
      requirementTitle: titles.get(item.requirementId) ?? null,
      overdue: (item.status === "open" || item.status === "rejected") && item.dueDate < today,
    }));
}

/** A parameter value as printed: lists joined, booleans as yes/no. */
export function formatParam(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === undefined) return "—";
  return String(value);
}

/**
 * An answer as the supplier saw it: the text the scoring engine recorded
 * (choice texts, not stored values); for results stored before it did, the
 * value as plain text.
 */
export function answerText(a: Pick<AnswerJudgement, "value" | "answerText">): string {
  return a.answerText ?? formatAnswer(a.value);
}

/**
 * The agreement's parameters of a requirement with their catalogue labels
 * ("Breach notification window (hours): 24 h"); results stored before the
 * labels were recorded print the keys.
 */
export function parameterLines(r: Pick<RequirementResult, "params" | "parameters">): string[] {
  if (r.parameters) return r.parameters.map((p) => `${p.label}: ${p.text}`);
  return Object.entries(r.params).map(([k, v]) => `${k}: ${formatParam(v)}`);
}

/** A SurveyJS answer as plain text (files by name, panels by their fields). */
export function formatAnswer(value: unknown): string {
  if (value === undefined || value === null || value === "") return "(no answer)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "(no answer)";
    return value.map((v) => formatAnswer(v)).join("; ");
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.name === "string" && (typeof o.content === "string" || typeof o.type === "string")) return o.name;
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${formatAnswer(v)}`)
      .join(", ");
  }
  return String(value);
}

// ---------------------------------------------------------------- agreement report

/** The headline of one scoring result, as the agreement report and the agreement page show it. */
export function summariseResult(
  result: ScoringResult,
  assessment: { id: string; status: AssessmentStatus },
): SupplierResultSummary {
  const statuses: Record<string, MatrixCell> = {};
  for (const r of result.requirements) {
    // Boolean(): a stored result read back from the database may lack the field rather than hold null
    statuses[r.requirementId] = { status: r.status, computedStatus: r.computedStatus, overridden: Boolean(r.override) };
  }
  return {
    assessmentId: assessment.id,
    assessmentStatus: assessment.status,
    evaluationDate: result.evaluationDate,
    score: result.score,
    computedScore: result.computedScore,
    capped: result.capped,
    knockOutsFailed: [...result.knockOutsFailed],
    inherentRisk: result.inherentRisk,
    rating: result.rating,
    counts: { ...result.counts },
    statuses,
  };
}

export interface ComplianceMatrix {
  requirements: ReportRequirement[];
  rows: { supplier: AgreementSupplierEntry; cells: (MatrixCell | null)[] }[];
}

/** Suppliers × requirements; null where a supplier has no result for a requirement. */
export function complianceMatrix(data: Pick<AgreementReportData, "requirements" | "suppliers">): ComplianceMatrix {
  return {
    requirements: data.requirements,
    rows: data.suppliers.map((supplier) => ({
      supplier,
      cells: data.requirements.map((req) => supplier.latest?.statuses[req.id] ?? null),
    })),
  };
}

/** Certificates expiring within `days` of `asOf` (not already expired), soonest first. */
export function certificatesExpiringWithin(
  certificates: readonly (Omit<ExpiringCertificate, "daysLeft"> & { expiryDate: IsoDate })[],
  asOf: IsoDate,
  days = 90,
): ExpiringCertificate[] {
  return certificates
    .map((c) => ({ ...c, daysLeft: daysBetween(asOf.slice(0, 10), c.expiryDate) }))
    .filter((c) => c.daysLeft >= 0 && c.daysLeft <= days)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.supplierName.localeCompare(b.supplierName));
}

/**
 * What a chain link's notification and data-location checks say, for the
 * page and the PDF alike: "unknown" where an answer on the path is missing
 * (nothing is then known to be wrong, nor known to be right).
 */
export type LinkVerdict = "ok" | "bad" | "unknown";

export function linkNotifyVerdict(link: Pick<ChainLinkResult, "composedNotifyHours" | "notifyOk">): LinkVerdict {
  if (link.composedNotifyHours === null) return "unknown";
  return link.notifyOk ? "ok" : "bad";
}

export function linkLocationVerdict(link: Pick<ChainLinkResult, "locationOk" | "locationViolations">): LinkVerdict {
  if (link.locationViolations.length) return "bad";
  return link.locationOk ? "ok" : "unknown";
}

/**
 * The location verdict in words: a link whose path uses a country outside
 * the permitted list under an accepted mechanism is "covered by SCC", never
 * "permitted".
 */
export function linkLocationText(
  link: Pick<ChainLinkResult, "locationOk" | "locationViolations" | "locationsCovered">,
  words?: Pick<ReportWords, "t">,
): string {
  const verdict = linkLocationVerdict(link);
  const covered = link.locationsCovered ?? [];
  if (verdict !== "ok" || covered.length === 0) return LOCATION_VERDICT_TEXT[verdict];
  const byMechanism = new Map<string, string[]>();
  for (const c of covered) {
    const countries = byMechanism.get(c.mechanism) ?? [];
    if (!countries.includes(c.country)) countries.push(c.country);
    byMechanism.set(c.mechanism, countries);
  }
  return [...byMechanism]
    .map(([mechanism, countries]) =>
      words
        ? words.t("pdf.g.ch.coveredBy", { countries: countries.join(", "), mechanism })
        : `${countries.join(", ")} covered by ${mechanism}`,
    )
    .join("; ");
}

export const NOTIFY_VERDICT_TEXT: Record<LinkVerdict, string> = {
  ok: "within the window",
  bad: "exceeds the window",
  unknown: "unknown: not answered on the path",
};
export const LOCATION_VERDICT_TEXT: Record<LinkVerdict, string> = {
  ok: "permitted",
  bad: "outside the permitted jurisdictions",
  unknown: "unknown: not answered on the path",
};
export const VERDICT_TONE: Record<LinkVerdict, Tone> = { ok: "ok", bad: "bad", unknown: "none" };

export interface ChainRow extends SpokenLink {
  /** names along the path, this supplier first */
  pathNames: string[];
  windowHours: number;
}

export function chainRows(data: Pick<AgreementReportData, "chain" | "suppliers">): ChainRow[] {
  const names = new Map<string, string>(data.suppliers.map((s) => [s.id, s.name]));
  for (const l of data.chain.links) if (!names.has(l.supplierId)) names.set(l.supplierId, l.supplierName);
  return [...data.chain.links]
    .sort((a, b) => a.tier - b.tier || a.supplierName.localeCompare(b.supplierName))
    .map((l) => ({
      ...l,
      pathNames: l.path.map((id) => names.get(id) ?? id),
      windowHours: data.chain.breachWindowHours,
    }));
}

export interface PhaseView {
  phase: ReportPhase;
  rows: { supplierId: string; supplierName: string; cleared: boolean; reasons: string[] }[];
  clearedCount: number;
}

export function phaseViews(data: Pick<AgreementReportData, "phases" | "clearances" | "suppliers">): PhaseView[] {
  const names = new Map<string, string>(data.suppliers.map((s) => [s.id, s.name]));
  const order = new Map<string, number>(data.suppliers.map((s, i) => [s.id, i]));
  const byPhase = new Map<string, PhaseClearance[]>();
  for (const c of data.clearances) {
    const list = byPhase.get(c.phaseId) ?? [];
    list.push(c);
    byPhase.set(c.phaseId, list);
  }
  return data.phases.map((phase) => {
    const rows = (byPhase.get(phase.id) ?? [])
      .map((c) => ({
        supplierId: c.supplierId,
        supplierName: names.get(c.supplierId) ?? c.supplierId,
        cleared: c.cleared,
        reasons: c.reasons,
      }))
      .sort((a, b) => (order.get(a.supplierId) ?? 1e9) - (order.get(b.supplierId) ?? 1e9));
    return { phase, rows, clearedCount: rows.filter((r) => r.cleared).length };
  });
}

export function ratingCounts(suppliers: readonly AgreementSupplierEntry[]): Record<RiskRating | "unscored", number> {
  const counts = { low: 0, medium: 0, high: 0, critical: 0, unscored: 0 };
  for (const s of suppliers) counts[s.latest ? s.latest.rating : "unscored"]++;
  return counts;
}
