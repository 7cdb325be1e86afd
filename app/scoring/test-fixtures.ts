/**
 * A small but complete world for the scoring tests: ten requirements, a
 * template that uses every judge rule and every nesting SurveyJS allows,
 * an agreement with a two-tier chain, and builders to vary one thing at a
 * time. Typed with the contract types, independent of questionnaires/*.json.
 */
import type { CatalogueRequirement, QuestionMeta, TemplateFile } from "#questionnaires/types";
import type { AgreementInput, CertificationInput, OverrideInput, ScoringInput } from "./types";

export const EVALUATION_DATE = "2026-06-01";
export const AGREEMENT_END = "2028-12-31";

function requirement(
  partial: Partial<CatalogueRequirement> & Pick<CatalogueRequirement, "id" | "title" | "category">,
): CatalogueRequirement {
  return {
    description: partial.title,
    weight: 3,
    knockOut: false,
    parameters: [],
    isoControls: [],
    evidence: [],
    ...partial,
  };
}

export const catalogue: CatalogueRequirement[] = [
  requirement({
    id: "FD-INC-01",
    title: "Breach notification",
    category: "incident-response",
    weight: 5,
    knockOut: true,
    parameters: [
      { key: "notifyWithinHours", label: "Notify within (hours)", type: "hours", default: 24, min: 1, max: 168 },
    ],
    isoControls: ["A.5.24", "A.5.25", "A.5.26", "A.5.27"],
    evidence: ["Incident response plan"],
  }),
  requirement({
    id: "FD-LOC-01",
    title: "Data location and transfer",
    category: "data-location",
    weight: 4,
    isoControls: ["A.5.14"],
  }),
  requirement({ id: "FD-ENC-01", title: "Encryption", category: "encryption", weight: 3, isoControls: ["A.8.24"] }),
  requirement({
    id: "FD-VUL-01",
    title: "Vulnerability scanning",
    category: "vulnerability-management",
    weight: 3,
    parameters: [{ key: "scanEveryDays", label: "Scan at least every (days)", type: "days", default: 30 }],
    isoControls: ["A.8.8"],
  }),
  requirement({
    id: "FD-ACC-01",
    title: "Access control",
    category: "access-control",
    weight: 4,
    parameters: [{ key: "logRetentionMonths", label: "Keep access logs (months)", type: "months", default: 12 }],
    isoControls: ["A.5.15", "A.8.5"],
  }),
  requirement({
    id: "FD-CERT-01",
    title: "Independent certification",
    category: "audit-certification",
    weight: 3,
    judgedByCertification: true,
    parameters: [{ key: "standard", label: "Standard", type: "standard", default: "ISO/IEC 27001:2022" }],
    isoControls: ["A.5.35"],
  }),
  requirement({
    id: "FD-PER-01",
    title: "Personnel confidentiality",
    category: "personnel",
    weight: 2,
    isoControls: ["A.6.1", "A.6.6"],
  }),
  requirement({
    id: "FD-CMP-01",
    title: "Compelled disclosure",
    category: "compelled-disclosure",
    weight: 2,
    isoControls: ["A.5.31"],
  }),
  requirement({
    id: "FD-RET-01",
    title: "Return or destroy",
    category: "retention",
    weight: 3,
    parameters: [{ key: "destroyWithinDays", label: "Destroy within (days)", type: "days", default: 30 }],
    isoControls: ["A.8.10"],
  }),
  requirement({
    id: "FD-SUB-01",
    title: "Further flow-down",
    category: "sub-processing",
    weight: 3,
    isoControls: ["A.5.19", "A.5.20"],
  }),
];

function q(type: string, name: string, title: string, flowdown: QuestionMeta, extra: Record<string, unknown> = {}) {
  return { type, name, title, ...extra, flowdown };
}

export const template: TemplateFile = {
  id: "test-security",
  title: "Test security questionnaire",
  version: "test.1",
  description: "Fixture template for the scoring tests",
  survey: {
    pages: [
      {
        name: "incidents",
        elements: [
          q("boolean", "inc_plan", "Do you keep an incident response plan?", {
            requirements: ["FD-INC-01"],
            judge: { kind: "boolean", expected: true },
            gate: true,
          }),
          q(
            "text",
            "inc_notify_hours",
            "Within how many hours do you notify a breach?",
            {
              requirements: ["FD-INC-01"],
              judge: { kind: "atMost", param: "notifyWithinHours" },
              gate: true,
              fact: "notifyHours",
            },
            { inputType: "number" },
          ),
          q("file", "inc_plan_file", "Upload the plan", { requirements: ["FD-INC-01"], judge: { kind: "present" } }),
        ],
      },
      {
        name: "data",
        elements: [
          {
            type: "paneldynamic",
            name: "data_locations",
            title: "Where is information stored or accessed?",
            templateElements: [
              q("dropdown", "country", "Country", {
                requirements: ["FD-LOC-01"],
                judge: { kind: "jurisdictions", countryField: "country", mechanismField: "transferMechanism" },
                fact: "dataLocations",
              }),
              {
                type: "dropdown",
                name: "transferMechanism",
                title: "Transfer mechanism",
                choices: ["none", "SCC", "BCR"],
              },
            ],
          },
          q("boolean", "enc_at_rest", "Is information encrypted at rest?", {
            requirements: ["FD-ENC-01"],
            judge: { kind: "boolean", expected: true },
          }),
          q("checkbox", "enc_algorithms", "Which protections do you use?", {
            requirements: ["FD-ENC-01"],
            judge: { kind: "coverage", required: ["aes256", "tls12"] },
          }),
        ],
      },
      {
        name: "operations",
        elements: [
          q("text", "vul_scan_days", "How often do you scan (days)?", {
            requirements: ["FD-VUL-01"],
            judge: { kind: "atMost", param: "scanEveryDays", partialWithin: 2 },
          }),
          q("radiogroup", "vul_pentest", "How often are penetration tests run?", {
            requirements: ["FD-VUL-01"],
            judge: { kind: "choice", scores: { annual: 1, biennial: 0.5, never: 0 } },
          }),
          q(
            "text",
            "vul_pentest_provider",
            "Who runs them?",
            { requirements: ["FD-VUL-01"], judge: { kind: "present" } },
            {
              visibleIf: "{vul_pentest} != 'never'",
            },
          ),
          q("boolean", "acc_mfa", "Is MFA enforced for all access?", {
            requirements: ["FD-ACC-01"],
            judge: { kind: "boolean", expected: true },
            gate: true,
          }),
          q("text", "acc_log_months", "How many months are access logs kept?", {
            requirements: ["FD-ACC-01"],
            judge: { kind: "atLeast", param: "logRetentionMonths" },
            weight: 2,
          }),
          q("boolean", "cert_held", "Do you hold ISO/IEC 27001 certification?", {
            requirements: ["FD-CERT-01"],
            judge: { kind: "boolean", expected: true },
          }),
          {
            type: "panel",
            name: "people_panel",
            elements: [
              q("text", "per_contact", "Security contact", { requirements: ["FD-PER-01"], judge: { kind: "info" } }),
              q("file", "per_nda", "Upload the staff NDA template", {
                requirements: ["FD-PER-01"],
                judge: { kind: "present" },
              }),
              q("boolean", "cmp_notify", "Do you notify before a compelled disclosure where lawful?", {
                requirements: ["FD-CMP-01"],
                judge: { kind: "boolean", expected: true },
              }),
              {
                type: "panel",
                name: "retention_panel",
                elements: [
                  q("text", "ret_destroy_days", "Days to destroy information at termination", {
                    requirements: ["FD-RET-01"],
                    judge: { kind: "atMost", param: "destroyWithinDays" },
                  }),
                  q("boolean", "ret_certificate", "Do you issue a certificate of destruction?", {
                    requirements: ["FD-RET-01"],
                    judge: { kind: "boolean", expected: true },
                  }),
                ],
              },
            ],
          },
          {
            type: "paneldynamic",
            name: "subprocessors",
            title: "Your own subcontractors",
            templateElements: [
              { type: "text", name: "sub_name", title: "Name" },
              q("boolean", "sub_flowdown", "Are the flow-down terms signed?", {
                requirements: ["FD-SUB-01"],
                judge: { kind: "boolean", expected: true },
              }),
            ],
          },
        ],
      },
    ],
  },
};

/** Answers that meet every requirement of the fixture agreement. */
export function idealAnswers(): Record<string, unknown> {
  return {
    inc_plan: true,
    inc_notify_hours: 12,
    inc_plan_file: [{ name: "irp.pdf", type: "application/pdf", content: "/evidence/ev-irp" }],
    data_locations: [{ country: "DE" }, { country: "FR", transferMechanism: "none" }],
    enc_at_rest: true,
    enc_algorithms: ["aes256", "tls12"],
    vul_scan_days: 7,
    vul_pentest: "annual",
    vul_pentest_provider: "PenTest GmbH",
    acc_mfa: true,
    acc_log_months: 24,
    cert_held: true,
    per_contact: "Jane Doe",
    per_nda: [{ name: "nda.pdf", type: "application/pdf", content: "/evidence/ev-nda" }],
    cmp_notify: true,
    ret_destroy_days: 14,
    ret_certificate: true,
    subprocessors: [{ sub_name: "Backup Co", sub_flowdown: true }],
  };
}

export function makeAgreement(partial: Partial<AgreementInput> = {}): AgreementInput {
  return {
    reference: "TTA-2026-001",
    effectiveDate: "2026-01-01",
    endDate: AGREEMENT_END,
    permittedJurisdictions: ["DE", "FR", "NL"],
    acceptedTransferMechanisms: ["SCC"],
    breachWindowHours: 72,
    recipientNotifyHours: 24,
    requiredCertifications: [{ standard: "ISO/IEC 27001:2022" }],
    requirements: catalogue.map((entry) => ({ id: entry.id, params: {} })),
    phases: [
      {
        id: "phase-1",
        name: "Evaluation",
        purpose: "evaluation",
        classes: ["internal"],
        permittedSupplierIds: [],
        requiredRequirementIds: ["FD-INC-01", "FD-LOC-01"],
      },
      {
        id: "phase-2",
        name: "Integration",
        purpose: "integration",
        classes: ["confidential", "restricted"],
        permittedSupplierIds: ["sup-a"],
        requiredRequirementIds: ["FD-INC-01", "FD-ENC-01", "FD-CERT-01"],
      },
    ],
    chain: [
      {
        supplierId: "sup-a",
        supplierName: "Alpha Hosting",
        tier: 1,
        parentSupplierId: null,
        service: "Source code hosting",
        maxClass: "restricted",
        accessLevel: "write",
      },
      {
        supplierId: "sup-b",
        supplierName: "Beta Backup",
        tier: 2,
        parentSupplierId: "sup-a",
        service: "Backup storage",
        maxClass: "confidential",
        accessLevel: "read",
      },
    ],
    ...partial,
  };
}

/** The agreement with one requirement's parameters set. */
export function withParams(
  agreement: AgreementInput,
  id: string,
  params: Record<string, number | string | boolean | string[]>,
): AgreementInput {
  return {
    ...agreement,
    requirements: agreement.requirements.map((entry) =>
      entry.id === id ? { ...entry, params: { ...entry.params, ...params } } : entry,
    ),
  };
}

export function certificate(partial: Partial<CertificationInput> = {}): CertificationInput {
  return {
    id: "cert-1",
    standard: "ISO/IEC 27001:2022",
    certificateNumber: "IS 700123",
    certificationBody: "BSI Group",
    scope: "Source code hosting and related support services",
    issueDate: "2025-03-01",
    expiryDate: "2029-02-28",
    ...partial,
  };
}

export function override(
  partial: Partial<OverrideInput> & Pick<OverrideInput, "requirementId" | "status">,
): OverrideInput {
  return {
    justification: "Reviewed the evidence on site; compensating control in place.",
    by: "reviewer@recipient.example",
    at: "2026-06-02T10:00:00Z",
    ...partial,
  };
}

export function makeInput(partial: Partial<ScoringInput> = {}): ScoringInput {
  return {
    agreement: makeAgreement(),
    catalogue,
    template,
    supplierId: "sup-a",
    answers: idealAnswers(),
    certifications: [certificate()],
    overrides: [],
    evaluationDate: EVALUATION_DATE,
    ...partial,
  };
}

/** Answers with some keys replaced (undefined removes a key). */
export function answersWith(changes: Record<string, unknown>): Record<string, unknown> {
  const answers = { ...idealAnswers(), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete answers[key];
  return answers;
}

/** The result of one requirement, failing the test loudly when absent. */
export function requirementOf<T extends { requirementId: string }>(result: { requirements: T[] }, id: string): T {
  const found = result.requirements.find((entry) => entry.requirementId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}
