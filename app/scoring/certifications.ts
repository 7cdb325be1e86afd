/**
 * Certificates: whether each one may be relied on, and the credit it gives.
 * This is the one verdict the certificates table, the requirement judged by
 * certification and the control credit all read. Full credit needs a named
 * body, sane and current dates, a scope covering the service the supplier
 * provides in the chain, and coverage of the agreement's term continuous
 * from its start to its end (earlier and later certificates of the same
 * standard on file may supply the time before and after). A gap or an end
 * inside the term leaves partial credit at most; anything else, none.
 */
import { addDaysIso, compareDates, isIsoDate } from "./dates";
import { dateRef, listOf, said, type Said } from "./said";
import type {
  CertificateCredit,
  CertificateFindingCode,
  CertificateIssue,
  CertificationFinding,
  CertificationInput,
} from "./types";

export interface CertificationContext {
  evaluationDate: string;
  /** the agreement's term: coverage must be continuous from its first day to its last */
  effectiveDate: string;
  agreementEndDate: string;
  /** the supplier's service as recorded in the chain */
  service: string;
}

export interface CertificationAssessment {
  certification: CertificationInput;
  /**
   * full: no findings; partial: the certificate is sound but its coverage
   * of the term is not continuous (issued after the term began with nothing
   * before it, a gap, an expiry inside the term); none: it cannot be relied
   * on for this service (no body, unreadable or impossible dates, not yet
   * issued, expired, scope not covering the service)
   */
  credit: CertificateCredit;
  /** credit === "full" */
  valid: boolean;
  /** credit === "none" */
  unreliable: boolean;
  issues: CertificateIssue[];
  /** each issue as one line, "Name: detail." */
  findings: Said[];
  /** the certified Annex A controls, normalised once ("all" = every control) */
  controls: ControlCoverage;
}

export type ControlCoverage = "all" | ReadonlySet<string>;

/** "ISO/IEC 27001:2022" and "iso/iec 27001 : 2022" are the same standard. */
export function normaliseStandard(standard: string): string {
  return standard.toLowerCase().replace(/\s+/g, "");
}

export function isSameStandard(a: string, b: string): boolean {
  return normaliseStandard(a) === normaliseStandard(b);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The scope covers the service when it contains the service's name (as whole
 * words, case and punctuation aside), or every significant word of it (4+
 * characters, so "and", "of", "IT" do not count): "Hosting of source code
 * repositories" covers "Source code hosting".
 */
export function scopeCoversService(scope: string, service: string): boolean {
  const wanted = words(service);
  if (wanted.length === 0) return false;
  const scopeWords = words(scope);
  // the phrase, matched on whole words so "IT" is not found inside "editing"
  if (` ${scopeWords.join(" ")} `.includes(` ${wanted.join(" ")} `)) return true;
  const significant = wanted.filter((word) => word.length >= 4);
  if (significant.length === 0) return false;
  const present = new Set(scopeWords);
  return significant.every((word) => present.has(word));
}

/** A finding's name as the certificates table, the requirement and the PDF print it ("Gap in coverage"). */
export const CERTIFICATE_FINDING_NAMES: Record<CertificateFindingCode, Said> = {
  "no-body": said("certs.finding.noBody"),
  "invalid-date": said("certs.finding.invalidDate"),
  "not-yet-issued": said("certs.finding.notYetIssued"),
  "dates-inverted": said("certs.finding.datesInverted"),
  expired: said("certs.finding.expired"),
  "no-service": said("certs.finding.noService"),
  "scope-not-covering": said("certs.finding.scopeNotCovering"),
  "issued-after-term-start": said("certs.finding.issuedAfterTermStart"),
  "coverage-gap": said("certs.finding.coverageGap"),
  "expires-in-term": said("certs.finding.expiresInTerm"),
};

/** The most credit a certificate with this finding may give. */
const FINDING_CREDIT: Record<CertificateFindingCode, Exclude<CertificateCredit, "full">> = {
  "no-body": "none",
  "invalid-date": "none",
  "not-yet-issued": "none",
  "dates-inverted": "none",
  expired: "none",
  "no-service": "none",
  "scope-not-covering": "none",
  "issued-after-term-start": "partial",
  "coverage-gap": "partial",
  "expires-in-term": "partial",
};

/** `detail`: what exactly, with the dates, as a clause without a closing full stop (it is said inside sentences). */
function issue(code: CertificateFindingCode, detail: Said): CertificateIssue {
  return { code, name: CERTIFICATE_FINDING_NAMES[code], detail, credit: FINDING_CREDIT[code] };
}

/** "Gap in coverage: no … covers ….": a finding as one sentence, the line the certificates table lists. */
export function findingText(finding: Pick<CertificateIssue, "name" | "detail">): Said {
  return said("certs.finding.line", { name: finding.name, detail: finding.detail });
}

function creditOf(issues: readonly CertificateIssue[]): CertificateCredit {
  if (issues.some((i) => i.credit === "none")) return "none";
  return issues.length > 0 ? "partial" : "full";
}

/**
 * Findings of the certificate itself, whatever else is on file: who issued
 * it, whether its dates make sense and hold today, and whether its scope
 * covers the contracted service. Each of these takes all credit away.
 */
function ownFindings(certification: CertificationInput, context: CertificationContext): CertificateIssue[] {
  const found: CertificateIssue[] = [];
  const { issueDate, expiryDate } = certification;
  const issueOk = isIsoDate(issueDate);
  const expiryOk = isIsoDate(expiryDate);
  if (!certification.certificationBody || certification.certificationBody.trim() === "") {
    found.push(issue("no-body", said("certs.detail.noBody")));
  }
  // the unreadable value as typed, quoted
  if (!issueOk)
    found.push(
      issue("invalid-date", said("certs.detail.invalidIssueDate", { value: String(JSON.stringify(issueDate)) })),
    );
  if (!expiryOk)
    found.push(
      issue("invalid-date", said("certs.detail.invalidExpiryDate", { value: String(JSON.stringify(expiryDate)) })),
    );
  const evaluation = dateRef(context.evaluationDate);
  if (issueOk && compareDates(issueDate, context.evaluationDate) > 0) {
    found.push(issue("not-yet-issued", said("certs.detail.notYetIssued", { issued: dateRef(issueDate), evaluation })));
  }
  if (issueOk && expiryOk && compareDates(issueDate, expiryDate) > 0) {
    found.push(
      issue(
        "dates-inverted",
        said("certs.detail.datesInverted", { issued: dateRef(issueDate), expiry: dateRef(expiryDate) }),
      ),
    );
  }
  if (expiryOk && compareDates(expiryDate, context.evaluationDate) < 0) {
    found.push(issue("expired", said("certs.detail.expired", { expiry: dateRef(expiryDate), evaluation })));
  }
  if (context.service.trim() === "") {
    found.push(issue("no-service", said("certs.detail.noService")));
  } else if (!scopeCoversService(certification.scope ?? "", context.service)) {
    found.push(
      issue(
        "scope-not-covering",
        said("certs.detail.scopeNotCovering", { scope: certification.scope ?? "", service: context.service }),
      ),
    );
  }
  return found;
}

/**
 * May this certificate account for a stretch of time? It must be genuine
 * for this service (named body, sane dates, already issued, scope covering
 * the service); having expired since is fine: that is what an earlier
 * certificate on file is.
 */
function coversItsDates(certification: CertificationInput, context: CertificationContext): boolean {
  return ownFindings(certification, context).every((found) => found.code === "expired");
}

/** "Jan 1, 2026 to Feb 28, 2026" */
function dateRange(from: string, to: string): Said {
  return said("certs.dateRange", { from: dateRef(from), to: dateRef(to) });
}

interface Span {
  from: string;
  to: string;
}

/** The stretch of days the certificates of one standard cover together, around the certificate being judged. */
function coverageAround(certification: CertificationInput, pool: readonly CertificationInput[]) {
  const spans: Span[] = pool
    .map((c) => ({ from: c.issueDate, to: c.expiryDate }))
    .sort((a, b) => compareDates(a.from, b.from) || compareDates(a.to, b.to));
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    // expiry is the last covered day: a renewal issued the next day leaves no gap
    if (last && compareDates(span.from, addDaysIso(last.to, 1)) <= 0) {
      if (compareDates(span.to, last.to) > 0) last.to = span.to;
    } else merged.push({ ...span });
  }
  const at = merged.findIndex(
    (span) =>
      compareDates(span.from, certification.issueDate) <= 0 && compareDates(certification.issueDate, span.to) <= 0,
  );
  return { span: merged[at], before: merged.slice(0, at) };
}

/**
 * Coverage of the agreement's term, continuous from its start: a renewal
 * issued mid-term counts from the start when earlier certificates of the
 * same standard on file covered the time before it without a gap. A
 * certificate that ends inside the term is a finding even when its renewal
 * is already on file: the renewal then gets full credit of its own, and the
 * requirement reads the best certificate.
 */
function termFindings(
  certification: CertificationInput,
  pool: readonly CertificationInput[],
  context: CertificationContext,
): CertificateIssue[] {
  const { effectiveDate: start, agreementEndDate: end } = context;
  const { span, before } = coverageAround(certification, pool);
  const standard = certification.standard;
  const found: CertificateIssue[] = [];
  if (compareDates(span.from, start) > 0) {
    const inTerm = before.filter((s) => compareDates(s.to, start) >= 0);
    const uncoveredTo = addDaysIso(span.from, -1);
    if (inTerm.length > 0) {
      // every stretch from the term's start to this certificate's coverage that nothing on file covers
      const gaps: Said[] = [];
      let cursor = start;
      for (const covered of [...inTerm, span]) {
        if (compareDates(covered.from, cursor) > 0) gaps.push(dateRange(cursor, addDaysIso(covered.from, -1)));
        if (compareDates(addDaysIso(covered.to, 1), cursor) > 0) cursor = addDaysIso(covered.to, 1);
      }
      found.push(
        issue(
          "coverage-gap",
          said("certs.detail.coverageGap", { standard, gaps: listOf(gaps, "or"), start: dateRef(start) }),
        ),
      );
    } else if (span.from === certification.issueDate) {
      found.push(
        issue(
          "issued-after-term-start",
          said("certs.detail.issuedAfterTermStart", {
            issued: dateRef(certification.issueDate),
            start: dateRef(start),
            standard,
            uncovered: dateRange(start, uncoveredTo),
          }),
        ),
      );
    } else {
      found.push(
        issue(
          "issued-after-term-start",
          said("certs.detail.coveredOnlyFrom", { standard, from: dateRef(span.from), start: dateRef(start) }),
        ),
      );
    }
  }
  // the certificate's own end: a renewal on file gets its own verdict, and the requirement takes the best one
  if (compareDates(certification.expiryDate, end) < 0) {
    found.push(
      issue(
        "expires-in-term",
        said("certs.detail.expiresInTerm", { expiry: dateRef(certification.expiryDate), end: dateRef(end) }),
      ),
    );
  }
  return found;
}

function assess(
  certification: CertificationInput,
  all: readonly CertificationInput[],
  context: CertificationContext,
): CertificationAssessment {
  const own = ownFindings(certification, context);
  const pool = all.filter(
    (other) =>
      other === certification ||
      (isSameStandard(other.standard, certification.standard) && coversItsDates(other, context)),
  );
  const issues = own.length > 0 ? own : termFindings(certification, pool, context);
  const credit = creditOf(issues);
  return {
    certification,
    credit,
    valid: credit === "full",
    unreliable: credit === "none",
    issues,
    findings: issues.map(findingText),
    controls: controlCoverage(certification),
  };
}

/**
 * Every certificate on file, judged against the agreement. One certificate's
 * verdict may depend on the others of its standard (a renewal continues an
 * earlier certificate), so they are judged together.
 */
export function assessCertifications(
  certifications: readonly CertificationInput[],
  context: CertificationContext,
): CertificationAssessment[] {
  return certifications.map((certification) => assess(certification, certifications, context));
}

/** One certificate judged alone, as if it were the only one on file. */
export function assessCertification(
  certification: CertificationInput,
  context: CertificationContext,
): CertificationAssessment {
  return assess(certification, [certification], context);
}

export function toCertificationFinding(assessment: CertificationAssessment): CertificationFinding {
  const { certification } = assessment;
  return {
    certificationId: certification.id,
    standard: certification.standard,
    certificateNumber: certification.certificateNumber,
    valid: assessment.valid,
    findings: assessment.findings,
    credit: assessment.credit,
    issues: assessment.issues,
  };
}

/**
 * The credit a stored finding records. Results stored before credit levels
 * existed have only `valid`: a certificate that was not valid gave no credit
 * in the table then, so that is what they read as.
 */
export function certificateCreditOf(finding: Pick<CertificationFinding, "valid" | "credit">): CertificateCredit {
  return finding.credit ?? (finding.valid ? "full" : "none");
}

function normaliseControl(control: string): string {
  return control
    .trim()
    .toUpperCase()
    .replace(/^A\.?\s*/, "");
}

/**
 * Only an ISO/IEC 27001 certificate may stand for "all of Annex A" when it
 * lists no controls; another standard (ISO 9001, SOC 2) with no list says
 * nothing about Annex A, so it covers nothing unless it lists controls.
 */
export function isAnnexAStandard(standard: string): boolean {
  return normaliseStandard(standard).includes("27001");
}

export function controlCoverage(certification: CertificationInput): ControlCoverage {
  if (certification.controls === undefined) return isAnnexAStandard(certification.standard) ? "all" : new Set();
  return new Set(certification.controls.map(normaliseControl));
}

/** The requirement's controls the certificate covers, in the requirement's order. */
export function coveredControls(
  certification: CertificationInput,
  isoControls: readonly string[],
  coverage: ControlCoverage = controlCoverage(certification),
): string[] {
  if (coverage === "all") return [...isoControls];
  return isoControls.filter((control) => coverage.has(normaliseControl(control)));
}

/** "ISO/IEC 27001:2022 certificate IS 700123 from BSI Group", in the reader's language. */
export function describeCertificate(certification: CertificationInput): Said {
  const { standard, certificateNumber: number } = certification;
  const body = certification.certificationBody?.trim();
  return body
    ? said("certs.certificate.fromBody", { standard, number, body })
    : said("certs.certificate.plain", { standard, number });
}
