import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./assessment";
import { assessCertification, scopeCoversService } from "./certifications";
import {
  AGREEMENT_END,
  answersWith,
  catalogue,
  certificate,
  EVALUATION_DATE,
  makeInput,
  requirementOf,
} from "#tests/fixtures/scoring";
import type { CertificationInput } from "./types";

const context = { evaluationDate: EVALUATION_DATE, agreementEndDate: AGREEMENT_END, service: "Source code hosting" };

function score(
  certifications: CertificationInput[],
  changes: Record<string, unknown> = {},
  extra: Parameters<typeof makeInput>[0] = {},
) {
  return scoreAssessment(makeInput({ certifications, answers: answersWith(changes), ...extra }));
}

describe("when a certificate may be relied on", () => {
  it.each([
    {
      label: "named body, issued, valid through the term, scope covers the service",
      cert: {},
      valid: true,
      finding: null,
    },
    { label: "expires on the last day of the term", cert: { expiryDate: "2028-12-31" }, valid: true, finding: null },
    {
      label: "expires the day before the term ends",
      cert: { expiryDate: "2028-12-30" },
      valid: false,
      finding: "expires 2028-12-30, before the agreement ends on 2028-12-31",
    },
    { label: "issued on the evaluation date", cert: { issueDate: EVALUATION_DATE }, valid: true, finding: null },
    {
      label: "issued after the evaluation date",
      cert: { issueDate: "2026-06-02" },
      valid: false,
      finding: "Issued 2026-06-02, after the evaluation date 2026-06-01",
    },
    {
      label: "no certification body",
      cert: { certificationBody: "" },
      valid: false,
      finding: "No certification body is named",
    },
    {
      label: "a blank certification body",
      cert: { certificationBody: "   " },
      valid: false,
      finding: "No certification body is named",
    },
    {
      label: "scope does not cover the service",
      cert: { scope: "Payroll processing" },
      valid: false,
      finding: 'Scope "Payroll processing" does not cover the service "Source code hosting"',
    },
    {
      label: "expired before the evaluation date",
      cert: { expiryDate: "2026-05-31" },
      valid: false,
      finding: "Expired on 2026-05-31",
    },
    {
      label: "issued after it expires",
      cert: { issueDate: "2026-01-01", expiryDate: "2025-12-31" },
      valid: false,
      finding: "Issue date 2026-01-01 is after the expiry date 2025-12-31",
    },
    {
      label: "an unreadable expiry date",
      cert: { expiryDate: "next year" },
      valid: false,
      finding: 'Expiry date "next year" is not a valid date',
    },
  ])("$label → valid: $valid", ({ cert, valid, finding }) => {
    const assessment = assessCertification(certificate(cert), context);
    expect(assessment.valid).toBe(valid);
    if (finding) expect(assessment.findings.join(" ")).toContain(finding);
    else expect(assessment.findings).toEqual([]);
  });

  it.each([
    ["Source code hosting and support", "Source code hosting", true],
    ["SOURCE CODE HOSTING", "Source code hosting", true],
    ["Hosting of source code repositories", "Source code hosting", true], // every significant word present
    ["Hosting of customer portals", "Source code hosting", false],
    ["Provision of IT services", "IT", true],
    ["Editing of websites", "IT", false], // whole words only, and "IT" has no significant word
    ["Source-code hosting", "Source code hosting", true],
    ["Anything", "", false],
  ])("scope %j covers service %j: %s", (scope, service, covers) => {
    expect(scopeCoversService(scope, service)).toBe(covers);
  });

  it("every certificate gets a finding entry in the result", () => {
    const result = score([
      certificate(),
      certificate({ id: "cert-2", certificateNumber: "X-2", expiryDate: "2028-12-30" }),
    ]);
    expect(result.certifications).toEqual([
      {
        certificationId: "cert-1",
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "IS 700123",
        valid: true,
        findings: [],
      },
      {
        certificationId: "cert-2",
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "X-2",
        valid: false,
        findings: ["Certificate expires 2028-12-30, before the agreement ends on 2028-12-31."],
      },
    ]);
  });
});

describe("a requirement judged by certification", () => {
  it.each([
    { label: "a valid certificate", certs: [certificate()], status: "met" },
    {
      label: "standard written differently (case, spaces)",
      certs: [certificate({ standard: "iso/iec 27001 : 2022" })],
      status: "met",
    },
    {
      label: "a certificate expiring inside the term",
      certs: [certificate({ expiryDate: "2028-12-30" })],
      status: "partially_met",
    },
    { label: "a scope that misses the service", certs: [certificate({ scope: "Payroll" })], status: "partially_met" },
    { label: "a certificate with no body", certs: [certificate({ certificationBody: "" })], status: "not_met" },
    { label: "a certificate already expired", certs: [certificate({ expiryDate: "2026-01-01" })], status: "not_met" },
    {
      label: "a certificate of another standard",
      certs: [certificate({ standard: "ISO/IEC 27001:2013" })],
      status: "not_met",
    },
    { label: "no certificate", certs: [], status: "not_met" },
    {
      label: "one invalid and one valid",
      certs: [certificate({ id: "old", expiryDate: "2026-01-01" }), certificate()],
      status: "met",
    },
  ])("$label → $status", ({ certs, status }) => {
    expect(requirementOf(score(certs), "FD-CERT-01").status).toBe(status);
  });

  it("answers add reasons but never make it met without a certificate", () => {
    const result = requirementOf(score([], { cert_held: true }), "FD-CERT-01");
    expect(result.status).toBe("not_met");
    expect(result.reasons).toEqual([
      "No ISO/IEC 27001:2022 certificate was provided.",
      "Supporting answer: Do you hold ISO/IEC 27001 certification? — Meets: answered yes, as required.",
    ]);
  });

  it("the agreement's standard parameter decides which certificate counts", () => {
    const input = makeInput({ certifications: [certificate({ standard: "SOC 2 Type II" })] });
    input.agreement.requirements = input.agreement.requirements.map((entry) =>
      entry.id === "FD-CERT-01" ? { ...entry, params: { standard: "SOC 2 Type II" } } : entry,
    );
    expect(requirementOf(scoreAssessment(input), "FD-CERT-01").status).toBe("met");
  });

  it("a certificate that falls short explains why", () => {
    const result = requirementOf(score([certificate({ expiryDate: "2028-12-30" })]), "FD-CERT-01");
    expect(result.reasons[0]).toContain("expires 2028-12-30, before the agreement ends on 2028-12-31");
    expect(result.certificationCredit).toEqual([]);
  });
});

describe("certification credit for mapped controls", () => {
  const noEncryptionAnswers = { enc_at_rest: undefined, enc_algorithms: undefined };
  it.each([
    {
      label: "not answered + valid certificate",
      changes: noEncryptionAnswers,
      certs: [certificate()],
      status: "partially_met",
      credited: true,
    },
    {
      label: "partially met + valid certificate",
      changes: { enc_algorithms: ["aes256"] },
      certs: [certificate()],
      status: "met",
      credited: true,
    },
    {
      label: "not met + valid certificate",
      changes: { enc_at_rest: false, enc_algorithms: [] },
      certs: [certificate()],
      status: "not_met",
      credited: false,
    },
    { label: "met + valid certificate", changes: {}, certs: [certificate()], status: "met", credited: false },
    {
      label: "not answered + certificate expiring on the last day of the term",
      changes: noEncryptionAnswers,
      certs: [certificate({ expiryDate: "2028-12-31" })],
      status: "partially_met",
      credited: true,
    },
    {
      label: "not answered + certificate expiring the day before the term ends",
      changes: noEncryptionAnswers,
      certs: [certificate({ expiryDate: "2028-12-30" })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + certificate expiring inside the term",
      changes: noEncryptionAnswers,
      certs: [certificate({ expiryDate: "2028-12-30" })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + certificate issued after evaluation",
      changes: noEncryptionAnswers,
      certs: [certificate({ issueDate: "2026-07-01" })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + certificate without body",
      changes: noEncryptionAnswers,
      certs: [certificate({ certificationBody: "" })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + scope not covering the service",
      changes: noEncryptionAnswers,
      certs: [certificate({ scope: "Payroll" })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + certificate listing other controls",
      changes: noEncryptionAnswers,
      certs: [certificate({ controls: ["A.5.1"] })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + certificate listing the control without 'A.'",
      changes: noEncryptionAnswers,
      certs: [certificate({ controls: ["8.24"] })],
      status: "partially_met",
      credited: true,
    },
    {
      label: "not answered + another standard listing no controls",
      changes: noEncryptionAnswers,
      certs: [certificate({ standard: "ISO 9001:2015" })],
      status: "not_answered",
      credited: false,
    },
    {
      label: "not answered + another standard listing the control",
      changes: noEncryptionAnswers,
      certs: [certificate({ standard: "ISO 9001:2015", controls: ["A.8.24"] })],
      status: "partially_met",
      credited: true,
    },
  ])("$label → $status", ({ changes, certs, status, credited }) => {
    const result = requirementOf(score(certs, changes), "FD-ENC-01");
    expect(result.status).toBe(status);
    expect(result.computedStatus).toBe(status);
    expect(result.certificationCredit.length > 0).toBe(credited);
  });

  it("records which certificate gave which controls, and why", () => {
    const result = requirementOf(score([certificate()], { enc_algorithms: ["aes256"] }), "FD-ENC-01");
    expect(result.certificationCredit).toEqual([
      { certificationId: "cert-1", standard: "ISO/IEC 27001:2022", controls: ["A.8.24"] },
    ]);
    expect(result.reasons.at(-1)).toBe(
      "Certification credit from ISO/IEC 27001:2022 certificate IS 700123 from BSI Group (A.8.24): partially met → met.",
    );
  });

  it("a certificate never hides a failed answer, and says so", () => {
    const result = requirementOf(score([certificate()], { enc_at_rest: false, enc_algorithms: [] }), "FD-ENC-01");
    expect(result.reasons.at(-1)).toContain("does not lift a failed answer");
  });

  it("never lifts a failed knock-out: not met stays not met and the score stays capped", () => {
    const result = score([certificate()], { inc_notify_hours: 96 });
    expect(requirementOf(result, "FD-INC-01").status).toBe("not_met");
    expect(result.knockOutsFailed).toEqual(["FD-INC-01"]);
    expect(result.score).toBe(40);
  });

  it("never lifts a knock-out that is not answered", () => {
    const result = score([certificate()], {
      inc_plan: undefined,
      inc_notify_hours: undefined,
      inc_plan_file: undefined,
    });
    const incident = requirementOf(result, "FD-INC-01");
    expect(incident.status).toBe("not_answered");
    expect(incident.certificationCredit).toEqual([]);
    expect(incident.reasons.at(-1)).toContain("Knock-out requirement");
    expect(result.knockOutsFailed).toEqual(["FD-INC-01"]);
  });

  it("may complete a partially met knock-out (it was not failing)", () => {
    const knockOutCatalogue = catalogue.map((entry) =>
      entry.id === "FD-ENC-01" ? { ...entry, knockOut: true } : entry,
    );
    const result = score([certificate()], { enc_algorithms: ["aes256"] }, { catalogue: knockOutCatalogue });
    expect(requirementOf(result, "FD-ENC-01").status).toBe("met");
    expect(result.knockOutsFailed).toEqual([]);
  });
});

describe("certifications the agreement requires", () => {
  it("a missing required certification is a risk finding", () => {
    expect(score([]).riskReasons).toContain(
      "Required certification ISO/IEC 27001:2022: no valid certificate provided.",
    );
  });

  it("an invalid one is named with its findings", () => {
    const reasons = score([certificate({ expiryDate: "2028-12-30" })]).riskReasons;
    expect(reasons.at(-1)).toBe(
      "Required certification ISO/IEC 27001:2022: no valid certificate (ISO/IEC 27001:2022 certificate IS 700123 from BSI Group: " +
        "Certificate expires 2028-12-30, before the agreement ends on 2028-12-31.).",
    );
  });

  it("a valid one adds no finding", () => {
    expect(score([certificate()]).riskReasons.some((reason) => reason.startsWith("Required certification"))).toBe(
      false,
    );
  });
});
