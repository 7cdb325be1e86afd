/**
 * Certificates: whether each one may be relied on, and the credit it gives.
 * A certificate counts only when it is genuine and current (named body,
 * issued, not expired, consistent dates), lasts through the agreement's term
 * and its scope covers the service the supplier provides in the chain.
 */
import { compareDates, isIsoDate } from "./dates";
import type { CertificationFinding, CertificationInput } from "./types";

export interface CertificationContext {
  evaluationDate: string;
  agreementEndDate: string;
  /** the supplier's service as recorded in the chain */
  service: string;
}

export interface CertificationAssessment {
  certification: CertificationInput;
  /** no findings at all: the certificate gives credit */
  valid: boolean;
  /**
   * a finding means it cannot be relied on at all (no body, not yet issued,
   * expired, impossible dates), as opposed to a genuine certificate that
   * falls short of this agreement (expires inside the term, scope too narrow)
   */
  unreliable: boolean;
  findings: string[];
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

export function assessCertification(
  certification: CertificationInput,
  context: CertificationContext,
): CertificationAssessment {
  const blocking: string[] = [];
  const limiting: string[] = [];
  const { issueDate, expiryDate } = certification;
  const issueOk = isIsoDate(issueDate);
  const expiryOk = isIsoDate(expiryDate);

  if (!certification.certificationBody || certification.certificationBody.trim() === "") {
    blocking.push("No certification body is named.");
  }
  if (!issueOk) blocking.push(`Issue date ${JSON.stringify(issueDate)} is not a valid date.`);
  if (!expiryOk) blocking.push(`Expiry date ${JSON.stringify(expiryDate)} is not a valid date.`);
  if (issueOk && compareDates(issueDate, context.evaluationDate) > 0) {
    blocking.push(`Issued ${issueDate}, after the evaluation date ${context.evaluationDate}.`);
  }
  if (issueOk && expiryOk && compareDates(issueDate, expiryDate) > 0) {
    blocking.push(`Issue date ${issueDate} is after the expiry date ${expiryDate}.`);
  }
  const expired = expiryOk && compareDates(expiryDate, context.evaluationDate) < 0;
  if (expired) blocking.push(`Expired on ${expiryDate}, before the evaluation date ${context.evaluationDate}.`);
  // an already expired certificate also ends before the term, but saying so twice helps nobody
  if (expiryOk && !expired && compareDates(expiryDate, context.agreementEndDate) < 0) {
    limiting.push(`Certificate expires ${expiryDate}, before the agreement ends on ${context.agreementEndDate}.`);
  }
  if (context.service.trim() === "") {
    limiting.push("The chain records no service for this supplier, so the scope cannot be checked.");
  } else if (!scopeCoversService(certification.scope ?? "", context.service)) {
    limiting.push(`Scope "${certification.scope ?? ""}" does not cover the service "${context.service}".`);
  }

  const findings = [...blocking, ...limiting];
  return {
    certification,
    valid: findings.length === 0,
    unreliable: blocking.length > 0,
    findings,
    controls: controlCoverage(certification),
  };
}

export function toCertificationFinding(assessment: CertificationAssessment): CertificationFinding {
  const { certification } = assessment;
  return {
    certificationId: certification.id,
    standard: certification.standard,
    certificateNumber: certification.certificateNumber,
    valid: assessment.valid,
    findings: assessment.findings,
  };
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

export function describeCertificate(certification: CertificationInput): string {
  const body = certification.certificationBody?.trim() ? ` from ${certification.certificationBody.trim()}` : "";
  return `${certification.standard} certificate ${certification.certificateNumber}${body}`;
}
