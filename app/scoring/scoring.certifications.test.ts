import { inEnglish, sayFinding, sayReason, sayReasons } from "#app/i18n/reasons";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./assessment";
import {
  assessCertification,
  assessCertifications,
  scopeCoversService,
  toCertificationFinding as toFinding,
} from "./certifications";
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

const context = {
  evaluationDate: EVALUATION_DATE,
  effectiveDate: "2026-01-01",
  agreementEndDate: AGREEMENT_END,
  service: "Source code hosting",
};

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
      label: "named body, issued before the term, valid through it, scope covers the service",
      cert: {},
      credit: "full",
      finding: null,
    },
    { label: "expires on the last day of the term", cert: { expiryDate: "2028-12-31" }, credit: "full", finding: null },
    {
      label: "expires the day before the term ends",
      cert: { expiryDate: "2028-12-30" },
      credit: "partial",
      finding: "Expires inside the term: expires Dec 30, 2028, before the agreement ends on Dec 31, 2028",
    },
    { label: "issued on the first day of the term", cert: { issueDate: "2026-01-01" }, credit: "full", finding: null },
    {
      label: "issued on the evaluation date, after the term began, nothing before it",
      cert: { issueDate: EVALUATION_DATE },
      credit: "partial",
      finding: "Issued after the term began: issued Jun 1, 2026, after the agreement's term began on Jan 1, 2026",
    },
    {
      label: "issued after the evaluation date",
      cert: { issueDate: "2026-06-02" },
      credit: "none",
      finding: "Not yet issued: issued Jun 2, 2026, after the evaluation date Jun 1, 2026",
    },
    {
      label: "no certification body",
      cert: { certificationBody: "" },
      credit: "none",
      finding: "No certification body: no certification body is named",
    },
    {
      label: "a blank certification body",
      cert: { certificationBody: "   " },
      credit: "none",
      finding: "No certification body: no certification body is named",
    },
    {
      label: "scope does not cover the service",
      cert: { scope: "Payroll processing" },
      credit: "none",
      finding:
        'Scope does not cover the service: the scope "Payroll processing" does not cover the service "Source code hosting"',
    },
    {
      label: "expired before the evaluation date",
      cert: { expiryDate: "2026-05-31" },
      credit: "none",
      finding: "Expired: expired on May 31, 2026",
    },
    {
      label: "issued after it expires",
      cert: { issueDate: "2026-01-01", expiryDate: "2025-12-31" },
      credit: "none",
      finding: "Issued after it expires: the issue date Jan 1, 2026 is after the expiry date Dec 31, 2025",
    },
    {
      label: "an unreadable expiry date",
      cert: { expiryDate: "next year" },
      credit: "none",
      finding: 'Unreadable date: the expiry date "next year" is not a valid date',
    },
  ])("$label → credit: $credit", ({ cert, credit, finding }) => {
    const assessment = assessCertification(certificate(cert), context);
    expect(assessment.credit).toBe(credit);
    expect(assessment.valid).toBe(credit === "full");
    if (finding) expect(inEnglish(assessment.findings)).toContain(finding);
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

  it("every certificate gets a finding entry in the result, with its credit and named findings", () => {
    const result = score([
      certificate(),
      certificate({ id: "cert-2", certificateNumber: "X-2", expiryDate: "2028-12-30" }),
    ]);
    expect(result.certifications.map((c) => sayFinding("en", c))).toEqual([
      {
        certificationId: "cert-1",
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "IS 700123",
        valid: true,
        credit: "full",
        findings: [],
        issues: [],
      },
      {
        certificationId: "cert-2",
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "X-2",
        valid: false,
        credit: "partial",
        findings: ["Expires inside the term: expires Dec 30, 2028, before the agreement ends on Dec 31, 2028."],
        issues: [
          {
            code: "expires-in-term",
            name: "Expires inside the term",
            detail: "expires Dec 30, 2028, before the agreement ends on Dec 31, 2028",
            credit: "partial",
          },
        ],
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
    // no scope covering the service, no credit: not half
    { label: "a scope that misses the service", certs: [certificate({ scope: "Payroll" })], status: "not_met" },
    {
      label: "a certificate issued after the term began, nothing before it",
      certs: [certificate({ issueDate: "2026-03-01" })],
      status: "partially_met",
    },
    {
      label: "a renewal issued mid-term after an earlier certificate that covered the start",
      certs: [
        certificate({ id: "old", issueDate: "2023-02-01", expiryDate: "2026-02-28" }),
        certificate({ id: "new", issueDate: "2026-03-01" }),
      ],
      status: "met",
    },
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
    expect(sayReasons("en", result.reasons)).toEqual([
      "No ISO/IEC 27001:2022 certificate was provided.",
      'Supporting answer: Do you hold ISO/IEC 27001 certification? — Meets: answered "Yes", as required.',
    ]);
  });

  it("the agreement's standard parameter decides which certificate counts", () => {
    const input = makeInput({ certifications: [certificate({ standard: "SOC 2 Type II" })] });
    input.agreement.requirements = input.agreement.requirements.map((entry) =>
      entry.id === "FD-CERT-01" ? { ...entry, params: { standard: "SOC 2 Type II" } } : entry,
    );
    expect(requirementOf(scoreAssessment(input), "FD-CERT-01").status).toBe("met");
  });

  it("a certificate that falls short explains why, and gives partial credit only", () => {
    const result = requirementOf(score([certificate({ expiryDate: "2028-12-30" })]), "FD-CERT-01");
    expect(sayReason("en", result.reasons[0])).toBe(
      "Partial credit only: ISO/IEC 27001:2022 certification is on file but does not cover the agreement's term " +
        "continuously: ISO/IEC 27001:2022 certificate IS 700123 from BSI Group " +
        "(Expires inside the term: expires Dec 30, 2028, before the agreement ends on Dec 31, 2028).",
    );
    expect(result.certificationCredit).toEqual([
      { certificationId: "cert-1", standard: "ISO/IEC 27001:2022", controls: ["A.5.35"], credit: "partial" },
    ]);
  });

  it("a scope that does not cover the service gives no credit, and says so", () => {
    const result = requirementOf(score([certificate({ scope: "Payroll" })]), "FD-CERT-01");
    expect(result.status).toBe("not_met");
    expect(sayReason("en", result.reasons[0])).toContain("No credit");
    expect(sayReason("en", result.reasons[0])).toContain(
      'Scope does not cover the service: the scope "Payroll" does not cover',
    );
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
      { certificationId: "cert-1", standard: "ISO/IEC 27001:2022", controls: ["A.8.24"], credit: "full" },
    ]);
    expect(sayReason("en", result.reasons.at(-1)!)).toBe(
      "Certification credit from ISO/IEC 27001:2022 certificate IS 700123 from BSI Group (A.8.24): partially met → met.",
    );
  });

  it("a certificate never hides a failed answer, and says so", () => {
    const result = requirementOf(score([certificate()], { enc_at_rest: false, enc_algorithms: [] }), "FD-ENC-01");
    expect(sayReason("en", result.reasons.at(-1)!)).toContain("does not lift a failed answer");
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
    expect(sayReason("en", incident.reasons.at(-1)!)).toContain("Knock-out requirement");
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
    expect(sayReasons("en", score([]).riskReasons)).toContain(
      "Required certification ISO/IEC 27001:2022: no certificate with full credit provided.",
    );
  });

  it("an invalid one is named with its findings", () => {
    const reasons = sayReasons("en", score([certificate({ expiryDate: "2028-12-30" })]).riskReasons);
    expect(reasons.at(-1)).toBe(
      "Required certification ISO/IEC 27001:2022: partial credit only, no certificate with full credit " +
        "(ISO/IEC 27001:2022 certificate IS 700123 from BSI Group: " +
        "Expires inside the term: expires Dec 30, 2028, before the agreement ends on Dec 31, 2028).",
    );
  });

  it("a valid one adds no finding", () => {
    expect(
      score([certificate()]).riskReasons.some((reason) => inEnglish(reason).startsWith("Required certification")),
    ).toBe(false);
  });
});

/** The agreement's term in these tables: 2026-01-01 to 2028-12-31, evaluated on 2026-06-01. */
describe("rule: the scope must cover the contracted service (no scope, no credit)", () => {
  it.each([
    { scope: "Source code hosting and related support services", service: "Source code hosting", credit: "full" },
    { scope: "Hosting of source code repositories", service: "Source code hosting", credit: "full" },
    { scope: "Payroll processing", service: "Source code hosting", credit: "none" },
    { scope: "", service: "Source code hosting", credit: "none" },
    { scope: "Source code hosting", service: "", credit: "none" }, // no service on record: nothing to check it against
  ])("scope $scope for service $service → $credit", ({ scope, service, credit }) => {
    const [assessed] = assessCertifications([certificate({ scope })], { ...context, service });
    expect(assessed.credit).toBe(credit);
  });

  it.each([
    // the same scope rule and credit, seen from the requirement judged by certification
    { scope: "Source code hosting and related support services", status: "met" },
    { scope: "Payroll processing", status: "not_met" },
  ])("scope $scope → the certification requirement is $status", ({ scope, status }) => {
    expect(requirementOf(score([certificate({ scope })]), "FD-CERT-01").status).toBe(status);
  });

  it("a scope that does not cover the service gives no control credit either", () => {
    const result = requirementOf(
      score([certificate({ scope: "Payroll" })], { enc_at_rest: undefined, enc_algorithms: undefined }),
      "FD-ENC-01",
    );
    expect(result.status).toBe("not_answered");
    expect(result.certificationCredit).toEqual([]);
  });
});

describe("rule: coverage of the term must be continuous from its start", () => {
  const old = (partial: Partial<CertificationInput> = {}) =>
    certificate({
      id: "old",
      certificateNumber: "OLD-1",
      issueDate: "2023-02-01",
      expiryDate: "2026-02-28",
      ...partial,
    });
  const renewal = (partial: Partial<CertificationInput> = {}) =>
    certificate({
      id: "new",
      certificateNumber: "NEW-2",
      issueDate: "2026-03-01",
      expiryDate: "2029-02-28",
      ...partial,
    });

  it.each([
    {
      label: "issued before the term's start, valid through its end",
      certs: [renewal({ issueDate: "2025-03-01" })],
      credit: "full",
      finding: null,
    },
    {
      label: "renewal issued mid-term, an earlier certificate on file covered the time before it",
      certs: [old(), renewal()],
      credit: "full",
      finding: null,
    },
    {
      label: "renewal issued mid-term, earlier certificate overlapping it",
      certs: [old({ expiryDate: "2026-04-30" }), renewal()],
      credit: "full",
      finding: null,
    },
    {
      label: "gap between the earlier certificate and the renewal",
      certs: [old({ expiryDate: "2026-02-14" }), renewal()],
      credit: "partial",
      finding:
        "Gap in coverage: no ISO/IEC 27001:2022 certificate on file covers Feb 15, 2026 to Feb 28, 2026, " +
        "and coverage must be continuous from the term's start on Jan 1, 2026.",
    },
    {
      label: "two gaps: before the earlier certificate began, and between it and the renewal",
      certs: [old({ issueDate: "2026-01-10", expiryDate: "2026-02-14" }), renewal()],
      credit: "partial",
      finding:
        "Gap in coverage: no ISO/IEC 27001:2022 certificate on file covers Jan 1, 2026 to Jan 9, 2026 or " +
        "Feb 15, 2026 to Feb 28, 2026, and coverage must be continuous from the term's start on Jan 1, 2026.",
    },
    {
      label: "issued mid-term with no certificate before it",
      certs: [renewal()],
      credit: "partial",
      finding:
        "Issued after the term began: issued Mar 1, 2026, after the agreement's term began on Jan 1, 2026, " +
        "and no earlier ISO/IEC 27001:2022 certificate on file covers Jan 1, 2026 to Feb 28, 2026.",
    },
    {
      label: "issued mid-term; the only earlier certificate is of another standard",
      certs: [old({ standard: "ISO 9001:2015" }), renewal()],
      credit: "partial",
      finding: "Issued after the term began",
    },
    {
      label: "issued mid-term; the earlier certificate's scope did not cover the service",
      certs: [old({ scope: "Payroll" }), renewal()],
      credit: "partial",
      finding: "Issued after the term began",
    },
    {
      label: "expiry inside the term",
      certs: [renewal({ issueDate: "2025-03-01", expiryDate: "2027-06-30" })],
      credit: "partial",
      finding: "Expires inside the term: expires Jun 30, 2027, before the agreement ends on Dec 31, 2028.",
    },
  ])("$label → $credit", ({ certs, credit, finding }) => {
    const assessed = assessCertifications(certs, context).find((a) => a.certification.id === "new")!;
    expect(assessed.credit).toBe(credit);
    if (finding) expect(inEnglish(assessed.findings)).toContain(finding);
    else expect(assessed.findings).toEqual([]);
  });

  it("the earlier certificate, now expired, gives no credit of its own but supplies the renewal's start", () => {
    const [earlier, current] = assessCertifications([old(), renewal()], context);
    expect(earlier.credit).toBe("none");
    expect(earlier.issues.map((i) => i.code)).toEqual(["expired"]);
    expect(current.credit).toBe("full");
  });

  it("a certificate ending inside the term keeps its finding when its renewal is on file; the renewal counts", () => {
    const current = certificate({ id: "cur", issueDate: "2025-03-01", expiryDate: "2027-06-30" });
    const next = certificate({ id: "next", issueDate: "2026-05-15", expiryDate: "2029-05-14" });
    expect(assessCertifications([current, next], context).map((a) => a.credit)).toEqual(["partial", "full"]);
    expect(requirementOf(score([current, next]), "FD-CERT-01").status).toBe("met");
  });

  it.each([
    { label: "issued before the start", certs: [renewal({ issueDate: "2025-03-01" })], status: "met" },
    { label: "renewal with an earlier certificate covering", certs: [old(), renewal()], status: "met" },
    {
      label: "gap between certificates",
      certs: [old({ expiryDate: "2026-02-14" }), renewal()],
      status: "partially_met",
    },
    { label: "issued mid-term, nothing before", certs: [renewal()], status: "partially_met" },
    {
      label: "expiry inside the term",
      certs: [renewal({ issueDate: "2025-03-01", expiryDate: "2027-06-30" })],
      status: "partially_met",
    },
  ])("$label → the certification requirement is $status", ({ certs, status }) => {
    const result = score(certs);
    expect(requirementOf(result, "FD-CERT-01").status).toBe(status);
    // the certificates table reads the same verdict the requirement used
    const table = result.certifications.find((c) => c.certificationId === "new")!;
    expect(table.credit).toBe(status === "met" ? "full" : "partial");
    expect(table.valid).toBe(status === "met");
  });

  it("a certificate with partial credit lifts no other requirement, and the reason says why", () => {
    const result = requirementOf(
      score([renewal()], { enc_at_rest: undefined, enc_algorithms: undefined }),
      "FD-ENC-01",
    );
    expect(result.status).toBe("not_answered");
    expect(result.certificationCredit).toEqual([]);
    expect(sayReason("en", result.reasons.at(-1)!)).toBe(
      "No certification credit: ISO/IEC 27001:2022 certificate NEW-2 from BSI Group covers A.8.24 but has " +
        "partial credit only (Issued after the term began), which lifts no requirement.",
    );
  });
});

describe("findings in the reader's language", () => {
  const gapped = [
    certificate({ id: "old", certificateNumber: "OLD-1", issueDate: "2023-02-01", expiryDate: "2026-02-14" }),
    certificate({ id: "new", certificateNumber: "NEW-2", issueDate: "2026-03-01", expiryDate: "2029-02-28" }),
  ];

  it("a gap in coverage, in German, Japanese and Arabic, with the dates written for the reader", () => {
    const gap = assessCertifications(gapped, context).find((a) => a.certification.id === "new")!;
    expect(gap.issues.map((i) => i.code)).toEqual(["coverage-gap"]);
    const [line] = gap.findings;
    expect(sayReason("de", line)).toBe(
      "Lücke in der Abdeckung: kein hinterlegtes ISO/IEC 27001:2022-Zertifikat deckt 15.02.2026 bis 28.02.2026 ab, " +
        "die Abdeckung muss aber ab Beginn der Laufzeit am 01.01.2026 lückenlos sein.",
    );
    const japanese = sayReason("ja", line);
    expect(japanese).toContain("対象期間の空白：");
    expect(japanese).toContain("2026/02/15から2026/02/28まで");
    const arabic = sayReason("ar", line);
    expect(arabic).toContain("فجوة في التغطية");
    expect(arabic).toContain("ISO/IEC 27001:2022");
    for (const text of [japanese, arabic]) {
      expect(text).not.toMatch(/Gap in coverage|certificate on file|2026-02-15/);
    }
    // the name and the detail apart, as the certificates table shows them
    expect(sayFinding("de", toFinding(gap)).issues![0]).toMatchObject({
      name: "Lücke in der Abdeckung",
      detail: expect.stringContaining("deckt 15.02.2026 bis 28.02.2026 ab"),
    });
  });

  it("a required certificate's findings, named with its number and body, in German", () => {
    const reasons = score([certificate({ expiryDate: "2028-12-30" })]).riskReasons;
    expect(sayReason("de", reasons.at(-1)!)).toBe(
      "Geforderte Zertifizierung ISO/IEC 27001:2022: nur teilweise Anrechnung, kein Zertifikat mit voller Anrechnung " +
        "(ISO/IEC 27001:2022-Zertifikat IS 700123 von BSI Group: Ablauf innerhalb der Laufzeit: " +
        "läuft am 30.12.2028 ab, vor dem Vertragsende am 31.12.2028).",
    );
  });

  it("several findings of one certificate follow one another as sentences", () => {
    const reasons = score([certificate({ certificationBody: "", expiryDate: "2026-05-31" })]).riskReasons;
    expect(sayReason("en", reasons.at(-1)!)).toBe(
      "Required certification ISO/IEC 27001:2022: no certificate with full credit " +
        "(ISO/IEC 27001:2022 certificate IS 700123: No certification body: no certification body is named. " +
        "Expired: expired on May 31, 2026, before the evaluation date Jun 1, 2026).",
    );
  });
});
