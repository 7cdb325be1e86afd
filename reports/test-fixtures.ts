/**
 * Report data for the tests and the benchmark: a realistic assessment, a
 * small agreement with a three-tier chain, and a generator for large
 * agreements (deterministic: the same arguments give the same data).
 *
 * Names cover Latin with diacritics, Cyrillic and CJK; free text carries
 * markup that must be printed as plain text.
 */
import type {
  ChainLinkResult,
  ChainResult,
  PhaseClearance,
  RequirementResult,
  RequirementStatus,
  RiskRating,
  ScoringResult,
} from "#app/scoring/types";
import type {
  AgreementReportData,
  AgreementSupplierEntry,
  AssessmentReportData,
  ReportAgreement,
  ReportPhase,
  ReportRequirement,
} from "./types";

export const LATIN_SUPPLIER = "Žluťoučký Kůň Analýzy s.r.o.";
export const CYRILLIC_SUPPLIER = "ООО Северный Код";
export const CJK_SUPPLIER = "株式会社さくらデータ";
export const SCRIPT_JUSTIFICATION =
  "Penetration test report of 2026-04-12 reviewed in the supplier call; findings closed. <script>alert('x')</script> & <b>not bold</b>";

export const agreement: ReportAgreement = {
  reference: "TTA-2026-0042",
  title: "Technology transfer and confidentiality agreement — Project Aurora",
  discloser: "Helix Photonics AG",
  recipient: "Meridian Systems Ltd",
  effectiveDate: "2026-01-01",
  endDate: "2028-12-31",
  breachWindowHours: 72,
  recipientNotifyHours: 24,
  permittedJurisdictions: ["DE", "FR", "NL", "CZ"],
  requiredCertifications: ["ISO/IEC 27001:2022"],
};

export const requirements: ReportRequirement[] = [
  { id: "FD-CONF-01", title: "Confidentiality undertakings", category: "confidentiality", weight: 4, knockOut: false },
  {
    id: "FD-REC-01",
    title: "Permitted recipients register",
    category: "permitted-recipients",
    weight: 3,
    knockOut: false,
  },
  {
    id: "FD-ACC-01",
    title: "Access control and least privilege",
    category: "access-control",
    weight: 4,
    knockOut: false,
  },
  { id: "FD-ENC-01", title: "Encryption at rest and in transit", category: "encryption", weight: 4, knockOut: false },
  { id: "FD-INC-01", title: "Breach notification", category: "incident-response", weight: 5, knockOut: true },
  { id: "FD-DRL-01", title: "Incident-response drills", category: "incident-drills", weight: 2, knockOut: false },
  {
    id: "FD-VUL-01",
    title: "Vulnerability scanning",
    category: "vulnerability-management",
    weight: 3,
    knockOut: false,
  },
  { id: "FD-VUL-02", title: "Penetration testing", category: "vulnerability-management", weight: 3, knockOut: false },
  { id: "FD-LOC-01", title: "Data location and transfer", category: "data-location", weight: 5, knockOut: true },
  { id: "FD-RET-01", title: "Return or destruction of information", category: "retention", weight: 3, knockOut: false },
  { id: "FD-AUD-01", title: "Audit rights", category: "audit-certification", weight: 3, knockOut: false },
  {
    id: "FD-AUD-02",
    title: "ISO/IEC 27001 certification",
    category: "audit-certification",
    weight: 4,
    knockOut: false,
  },
  {
    id: "FD-CMP-01",
    title: "Compelled disclosure notice",
    category: "compelled-disclosure",
    weight: 2,
    knockOut: false,
  },
  { id: "FD-PER-01", title: "Personnel screening and training", category: "personnel", weight: 2, knockOut: false },
  {
    id: "FD-SDL-01",
    title: "Secure development lifecycle",
    category: "secure-development",
    weight: 3,
    knockOut: false,
  },
  {
    id: "FD-SUB-01",
    title: "Further flow-down to sub-processors",
    category: "sub-processing",
    weight: 4,
    knockOut: false,
  },
];

const PARAMS: Record<string, RequirementResult["params"]> = {
  "FD-INC-01": { notifyWithinHours: 24 },
  "FD-VUL-01": { scanEveryDays: 30 },
  "FD-LOC-01": { permittedJurisdictions: ["DE", "FR", "NL", "CZ"], acceptedTransferMechanisms: ["SCC"] },
  "FD-RET-01": { destroyWithinDays: 30 },
  "FD-AUD-02": { standard: "ISO/IEC 27001:2022" },
};

function countStatuses(reqs: RequirementResult[]): Record<RequirementStatus, number> {
  const counts: Record<RequirementStatus, number> = { met: 0, partially_met: 0, not_met: 0, not_answered: 0 };
  for (const r of reqs) counts[r.status]++;
  return counts;
}

function result(
  req: ReportRequirement,
  computedStatus: RequirementStatus,
  extra: Partial<RequirementResult> = {},
): RequirementResult {
  return {
    requirementId: req.id,
    title: req.title,
    category: req.category,
    weight: req.weight,
    knockOut: req.knockOut,
    params: PARAMS[req.id] ?? {},
    computedStatus,
    status: extra.override ? extra.override.status : computedStatus,
    override: null,
    reasons: [],
    answers: [],
    evidence: [],
    certificationCredit: [],
    ...extra,
  };
}

const req = (id: string) => {
  const r = requirements.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

/** The scoring result of the main assessment fixture: every status, two overrides. */
export function assessmentResult(): ScoringResult {
  const reqs: RequirementResult[] = [
    result(req("FD-CONF-01"), "met", {
      reasons: ["All staff with access sign individual confidentiality undertakings (answer: yes)."],
      answers: [
        {
          question: "confUndertakings",
          title: "Do all persons with access sign a confidentiality undertaking?",
          value: true,
          fraction: 1,
          reason: "Yes, as required",
        },
        {
          question: "confPurpose",
          title: "Is use limited to the agreed purpose?",
          value: "evaluation",
          fraction: 1,
          reason: "Purpose matches the agreement",
        },
      ],
      evidence: [{ question: "confTemplate", name: "NDA-template-v3.pdf", ref: "/evidence/6650a1f0c2" }],
    }),
    result(req("FD-REC-01"), "partially_met", {
      reasons: ["A register of recipients exists but is reviewed yearly; the agreement expects quarterly reviews."],
      answers: [
        {
          question: "recRegister",
          title: "Do you keep a register of permitted recipients?",
          value: true,
          fraction: 1,
          reason: "Yes",
        },
        {
          question: "recReview",
          title: "How often is the register reviewed?",
          value: "yearly",
          fraction: 0.5,
          reason: "Yearly is less often than quarterly",
        },
      ],
    }),
    result(req("FD-ACC-01"), "met", {
      reasons: [
        "Role-based access with MFA for all administrative access.",
        "Certificate credit: ISO/IEC 27001:2022 covers A.5.15, A.8.2, A.8.5.",
      ],
      answers: [
        {
          question: "accMfa",
          title: "Is multi-factor authentication enforced?",
          value: ["admin", "remote", "all"],
          fraction: 1,
          reason: "All required contexts covered",
        },
      ],
      certificationCredit: [
        { certificationId: "cert-1", standard: "ISO/IEC 27001:2022", controls: ["A.5.15", "A.8.2", "A.8.5"] },
      ],
    }),
    result(req("FD-ENC-01"), "met", {
      reasons: ["AES-256 at rest, TLS 1.3 in transit."],
      answers: [
        { question: "encRest", title: "Encryption at rest", value: "AES-256", fraction: 1, reason: "Strong algorithm" },
        {
          question: "encTransit",
          title: "Encryption in transit",
          value: "TLS 1.3",
          fraction: 1,
          reason: "Current protocol",
        },
      ],
      evidence: [{ question: "encPolicy", name: "Kryptografie-Richtlinie_2026.pdf", ref: "/evidence/6650a1f0c3" }],
    }),
    result(req("FD-INC-01"), "not_met", {
      reasons: [
        "The supplier notifies within 48 hours; the agreement requires 24 hours or less.",
        "Knock-out requirement: the overall score is capped at 40.",
      ],
      answers: [
        {
          question: "incPlan",
          title: "Do you maintain an incident response plan?",
          value: true,
          fraction: 1,
          reason: "Yes",
        },
        {
          question: "notifyHours",
          title: "Within how many hours do you notify a breach?",
          value: 48,
          fraction: 0,
          reason: "48 h is more than the 24 h allowed",
        },
      ],
      evidence: [{ question: "incPlanFile", name: "IR-plan.pdf", ref: "/evidence/6650a1f0c4" }],
    }),
    result(req("FD-DRL-01"), "not_answered", {
      reasons: ["No drill date was given."],
      answers: [
        {
          question: "drillDate",
          title: "When was the last incident-response drill?",
          value: null,
          fraction: null,
          reason: "Not answered",
        },
      ],
      override: {
        requirementId: "FD-DRL-01",
        status: "partially_met",
        justification:
          "Drill minutes for 2026-02 were shown during the on-site visit; the written record is still pending.",
        by: "Dana Müller-Østergaard",
        at: "2026-05-20T14:05:00.000Z",
      },
    }),
    result(req("FD-VUL-01"), "met", {
      reasons: ["Weekly authenticated scans (every 7 days, at most 30 allowed)."],
      answers: [
        {
          question: "scanDays",
          title: "How often do you scan for vulnerabilities (days)?",
          value: 7,
          fraction: 1,
          reason: "7 ≤ 30",
        },
      ],
    }),
    result(req("FD-VUL-02"), "not_met", {
      reasons: ["No penetration test in the last 12 months according to the answers."],
      answers: [
        {
          question: "penTest",
          title: "Was an independent penetration test done in the last 12 months?",
          value: false,
          fraction: 0,
          reason: "No",
        },
      ],
      override: {
        requirementId: "FD-VUL-02",
        status: "met",
        justification: SCRIPT_JUSTIFICATION,
        by: "Dana Müller-Østergaard",
        at: "2026-05-21T09:30:00.000Z",
      },
    }),
    result(req("FD-LOC-01"), "met", {
      reasons: ["Data stored in DE and CZ, both permitted."],
      answers: [
        {
          question: "dataLocations",
          title: "Where is the information stored?",
          value: [{ country: "DE" }, { country: "CZ" }],
          fraction: 1,
          reason: "All locations permitted",
        },
      ],
    }),
    result(req("FD-RET-01"), "partially_met", {
      reasons: ["Destruction within 45 days; the agreement requires 30.", "A certificate of destruction is issued."],
      answers: [
        {
          question: "destroyDays",
          title: "Within how many days is information destroyed at termination?",
          value: 45,
          fraction: 0.5,
          reason: "45 > 30",
        },
        {
          question: "destroyCert",
          title: "Do you issue a certificate of destruction?",
          value: true,
          fraction: 1,
          reason: "Yes",
        },
      ],
    }),
    result(req("FD-AUD-01"), "met", { reasons: ["Audit rights granted with 10 days' notice."] }),
    result(req("FD-AUD-02"), "met", {
      reasons: ["Valid ISO/IEC 27001:2022 certificate DE-27001-8812 covering the service through the term."],
      evidence: [{ question: "certFile", name: "ISO27001-certificate.pdf", ref: "/evidence/6650a1f0c9" }],
    }),
    result(req("FD-CMP-01"), "met", { reasons: ["Notifies before compelled disclosure where lawful."] }),
    result(req("FD-PER-01"), "partially_met", {
      reasons: ["Background checks for administrators only."],
      answers: [
        {
          question: "screening",
          title: "Which staff are screened?",
          value: ["administrators"],
          fraction: 0.5,
          reason: "Only a subset of staff",
        },
      ],
    }),
    result(req("FD-SDL-01"), "not_answered", { reasons: ["The secure-development questions were skipped."] }),
    result(req("FD-SUB-01"), "met", {
      reasons: ["Sub-processors bound by equivalent terms; list provided."],
      answers: [
        {
          question: "subList",
          title: "List your sub-processors",
          value: "Cloudhaus GmbH (hosting, DE); Prague Backup s.r.o. (backup, CZ)",
          fraction: 1,
          reason: "Listed with locations",
        },
      ],
    }),
  ];
  return {
    supplierId: "sup-latin",
    evaluationDate: "2026-06-01",
    score: 40,
    computedScore: 40,
    knockOutsFailed: ["FD-INC-01"],
    capped: true,
    inherentRisk: "high",
    rating: "high",
    riskReasons: [
      "Receives restricted information (source code) with write access.",
      "Knock-out FD-INC-01 failed: score capped at 40 (74 before the cap).",
    ],
    requirements: reqs,
    certifications: [
      {
        certificationId: "cert-1",
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "DE-27001-8812",
        valid: true,
        findings: ["Valid through the term; scope covers the service."],
      },
      {
        certificationId: "cert-2",
        standard: "ISO 9001:2015",
        certificateNumber: "Q-55120",
        valid: false,
        findings: [
          "Expires 2027-03-01, inside the term (ends 2028-12-31).",
          "ISO 9001 does not cover Annex A controls.",
        ],
      },
    ],
    counts: countStatuses(reqs),
  };
}

export function assessmentFixture(overrides: Partial<AssessmentReportData> = {}): AssessmentReportData {
  return {
    kind: "assessment",
    version: 3,
    generatedAt: "2026-06-02T08:15:00.000Z",
    generatedBy: "Priya Raman (procurement)",
    agreement,
    supplier: {
      id: "sup-latin",
      name: LATIN_SUPPLIER,
      country: "CZ",
      service: "Source code analysis and hosting",
      tier: 1,
      parentId: null,
      parentName: null,
    },
    assessment: {
      id: "asm-7781",
      status: "under_review",
      dueDate: "2026-05-15",
      submittedAt: "2026-05-14T16:42:00.000Z",
      templateTitle: "Flow-down questionnaire (technology transfer)",
      templateVersion: "2026.2",
      catalogueVersion: "2026.1",
      history: [
        { from: null, to: "invited", by: "Priya Raman", at: "2026-04-01T09:00:00.000Z", comment: null },
        { from: "invited", to: "in_progress", by: "Jan Novák", at: "2026-04-03T10:12:00.000Z", comment: null },
        {
          from: "in_progress",
          to: "submitted",
          by: "Jan Novák",
          at: "2026-05-14T16:42:00.000Z",
          comment: "Submitted with the IR plan attached.",
        },
        {
          from: "submitted",
          to: "under_review",
          by: "Dana Müller-Østergaard",
          at: "2026-05-16T08:00:00.000Z",
          comment: null,
        },
      ],
    },
    result: assessmentResult(),
    certifications: [
      {
        id: "cert-1",
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "DE-27001-8812",
        certificationBody: "TÜV Nord Cert GmbH",
        scope: "Source code analysis and hosting services, Brno and Frankfurt sites",
        issueDate: "2025-09-01",
        expiryDate: "2029-08-31",
        fileRef: "/evidence/6650a1f0c9",
      },
      {
        id: "cert-2",
        standard: "ISO 9001:2015",
        certificateNumber: "Q-55120",
        certificationBody: "Bureau Veritas",
        scope: "Quality management of software services",
        issueDate: "2024-03-02",
        expiryDate: "2027-03-01",
        fileRef: null,
      },
    ],
    remediation: [
      {
        requirementId: "FD-INC-01",
        description:
          "Commit to notify breaches to Meridian Systems within 24 hours and update the incident response plan accordingly.",
        dueDate: "2026-06-30",
        status: "open",
        response: null,
      },
      {
        requirementId: "FD-RET-01",
        description: "Shorten the destruction deadline at termination to 30 days.",
        dueDate: "2026-07-15",
        status: "responded",
        response: "Contract annex updated; signed copy uploaded as Annex-4.pdf. <img src=x onerror=alert(1)>",
      },
      {
        requirementId: "FD-SDL-01",
        description: "Answer the secure-development section of the questionnaire.",
        dueDate: "2026-05-30",
        status: "open",
        response: null,
      },
    ],
    glossary: [
      {
        term: "Flow-down",
        definition: "Contract terms the recipient must impose, equivalently, on its subcontractors.",
      },
      {
        term: "Knock-out",
        definition: "A requirement whose failure caps the overall score at 40, whatever the rest scores.",
      },
      {
        term: "Override",
        definition:
          "A reviewer's change of a requirement's result, with a written justification; the computed result is kept beside it.",
      },
    ],
    ...overrides,
  };
}

/** The same assessment for another supplier name (e.g. Cyrillic or CJK). */
export function assessmentFor(name: string, country: string): AssessmentReportData {
  const base = assessmentFixture();
  return { ...base, supplier: { ...base.supplier, name, country } };
}

// ---------------------------------------------------------------- agreement

/** Small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABBREVIATIONS = [
  "CONF",
  "REC",
  "ACC",
  "ENC",
  "INC",
  "DRL",
  "VUL",
  "LOC",
  "RET",
  "AUD",
  "CMP",
  "PER",
  "SDL",
  "SUB",
];

const CATEGORIES = [
  "confidentiality",
  "permitted-recipients",
  "access-control",
  "encryption",
  "incident-response",
  "incident-drills",
  "vulnerability-management",
  "data-location",
  "retention",
  "audit-certification",
  "compelled-disclosure",
  "personnel",
  "secure-development",
  "sub-processing",
];

const NAMES = [
  LATIN_SUPPLIER,
  CYRILLIC_SUPPLIER,
  CJK_SUPPLIER,
  "Ångström Datenwerk GmbH",
  "Cloudhaus GmbH",
  "Prague Backup s.r.o.",
  "Łódź Secure Hosting sp. z o.o.",
  "Ελληνική Κρυπτογραφία Α.Ε.",
  "Société Générale d'Évaluation SAS",
  "北京数安科技有限公司",
];

function rating(score: number, r: () => number): RiskRating {
  if (score < 40) return r() < 0.5 ? "critical" : "high";
  if (score < 60) return "high";
  if (score < 80) return "medium";
  return "low";
}

export interface AgreementFixtureOptions {
  suppliers?: number;
  requirements?: number;
  seed?: number;
}

/**
 * An agreement report. With no options: 7 suppliers over three tiers and the
 * 16 requirements above; with counts: a generated chain (bench: 50 × 300).
 */
export function agreementFixture(opts: AgreementFixtureOptions = {}): AgreementReportData {
  const r = seeded(opts.seed ?? 42);
  const reqs: ReportRequirement[] =
    opts.requirements === undefined
      ? requirements
      : Array.from({ length: opts.requirements }, (_, i) => {
          const cat = CATEGORIES[i % CATEGORIES.length];
          return {
            id: `FD-${ABBREVIATIONS[i % CATEGORIES.length]}-${String(Math.floor(i / CATEGORIES.length) + 1).padStart(
              2,
              "0",
            )}`,
            title: `${cat.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase())} control ${i + 1}`,
            category: cat,
            weight: 1 + (i % 5),
            knockOut: i % 37 === 4,
          };
        });
  const n = opts.suppliers ?? 7;
  const suppliers: AgreementSupplierEntry[] = [];
  for (let i = 0; i < n; i++) {
    const tier = i < Math.ceil(n / 2) ? 1 : i < Math.ceil((n * 5) / 6) ? 2 : 3;
    const parentPool = suppliers.filter((s) => s.tier === tier - 1);
    const parent = tier === 1 ? null : parentPool[i % parentPool.length];
    const base = NAMES[i % NAMES.length];
    const name = i < NAMES.length ? base : `${base} ${Math.floor(i / NAMES.length) + 1}`;
    const statuses: Record<
      string,
      { status: RequirementStatus; computedStatus: RequirementStatus; overridden: boolean }
    > = {};
    let met = 0;
    let total = 0;
    const counts: Record<RequirementStatus, number> = { met: 0, partially_met: 0, not_met: 0, not_answered: 0 };
    const strength = 0.45 + r() * 0.5;
    for (const q of reqs) {
      const x = r();
      const computed: RequirementStatus =
        x < strength ? "met" : x < strength + 0.2 ? "partially_met" : x < strength + 0.35 ? "not_met" : "not_answered";
      const overridden = r() < 0.03;
      const status: RequirementStatus = overridden ? (computed === "met" ? "partially_met" : "met") : computed;
      statuses[q.id] = { status, computedStatus: computed, overridden };
      counts[status]++;
      met += (status === "met" ? 1 : status === "partially_met" ? 0.5 : 0) * q.weight;
      total += q.weight;
    }
    const score = Math.round((100 * met) / total);
    const kos = reqs
      .filter((q) => q.knockOut && (statuses[q.id].status === "not_met" || statuses[q.id].status === "not_answered"))
      .map((q) => q.id);
    const capped = kos.length > 0;
    const finalScore = capped ? Math.min(score, 40) : score;
    const scored = !(i === n - 1 && n > 3); // the last one has no result yet
    suppliers.push({
      id: `sup-${i + 1}`,
      name,
      country: ["CZ", "RU", "JP", "SE", "DE", "CZ", "PL", "GR", "FR", "CN"][i % 10],
      service: [
        "Source code analysis",
        "Build infrastructure",
        "Data labelling",
        "Test automation",
        "Hosting",
        "Backup",
        "Managed SOC",
        "Cryptography review",
        "Integration testing",
        "Translation",
      ][i % 10],
      tier,
      parentId: parent?.id ?? null,
      parentName: parent?.name ?? null,
      latest: scored
        ? {
            assessmentId: `asm-${1000 + i}`,
            assessmentStatus:
              i % 4 === 0
                ? "approved"
                : i % 4 === 1
                  ? "under_review"
                  : i % 4 === 2
                    ? "approved"
                    : "remediation_requested",
            evaluationDate: "2026-06-01",
            score: finalScore,
            computedScore: finalScore,
            capped,
            knockOutsFailed: kos,
            inherentRisk: i % 3 === 0 ? "high" : "medium",
            rating: rating(finalScore, r),
            counts,
            statuses,
          }
        : null,
    });
  }

  const byId = new Map(suppliers.map((s) => [s.id, s]));
  const notifyHours = (i: number) => [24, 12, 24, 48, 30, 24][i % 6];
  const links: ChainLinkResult[] = suppliers.map((s, i) => {
    const path: string[] = [];
    let cur: AgreementSupplierEntry | undefined = s;
    while (cur) {
      path.push(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    const composed = path.reduce(
      (a, id) => a + notifyHours(suppliers.indexOf(byId.get(id) as AgreementSupplierEntry)),
      agreement.recipientNotifyHours,
    );
    const unknown = i === n - 1 && n > 3;
    const composedNotifyHours = unknown ? null : composed;
    const notifyOk = composedNotifyHours !== null && composedNotifyHours <= agreement.breachWindowHours;
    const violations = s.country === "RU" || s.country === "CN" ? [{ supplierId: s.id, country: s.country }] : [];
    const reasons: string[] = [];
    if (composedNotifyHours === null)
      reasons.push("Notification hours unknown for at least one link: the chain cannot be shown to meet the window.");
    else if (!notifyOk)
      reasons.push(
        `Composed notification ${composedNotifyHours} h exceeds the ${agreement.breachWindowHours} h window.`,
      );
    for (const v of violations)
      reasons.push(
        `${byId.get(v.supplierId)?.name ?? v.supplierId} stores or accesses information in ${
          v.country
        }, not permitted and not covered by an accepted mechanism.`,
      );
    return {
      supplierId: s.id,
      supplierName: s.name,
      tier: s.tier,
      parentSupplierId: s.parentId,
      path,
      composedNotifyHours,
      notifyOk,
      locationViolations: violations,
      locationOk: violations.length === 0,
      ok: notifyOk && violations.length === 0,
      reasons,
    };
  });
  const chain: ChainResult = {
    breachWindowHours: agreement.breachWindowHours,
    links,
    ok: links.every((l) => l.ok),
    errors: [],
  };

  const phases: ReportPhase[] = [
    {
      id: "ph-1",
      name: "Phase 1 — Evaluation",
      purpose: "Evaluate the optical module design",
      classes: ["internal", "confidential"],
      requiredRequirementIds: [reqs[0].id, reqs[2].id],
      permittedSupplierIds: [],
    },
    {
      id: "ph-2",
      name: "Phase 2 — Integration",
      purpose: "Integrate firmware source code",
      classes: ["restricted"],
      requiredRequirementIds: reqs.slice(0, Math.min(6, reqs.length)).map((q) => q.id),
      permittedSupplierIds: suppliers.filter((s) => s.tier === 1).map((s) => s.id),
    },
  ];
  const clearances: PhaseClearance[] = [];
  for (const ph of phases) {
    for (const s of suppliers) {
      if (ph.permittedSupplierIds.length && !ph.permittedSupplierIds.includes(s.id)) continue;
      const missing = ph.requiredRequirementIds.filter((id) => s.latest?.statuses[id]?.status !== "met");
      const approved = s.latest?.assessmentStatus === "approved";
      const reasons: string[] = [];
      if (!s.latest) reasons.push("No scored assessment.");
      else if (!approved) reasons.push("Latest assessment is not approved.");
      if (missing.length) reasons.push(`Not met: ${missing.join(", ")}.`);
      clearances.push({
        phaseId: ph.id,
        supplierId: s.id,
        cleared: reasons.length === 0,
        reasons: reasons.length ? reasons : ["All required requirements met on the latest approved assessment."],
      });
    }
  }

  const expiring = suppliers
    .filter((_, i) => i % 3 === 1)
    .map((s, k) => ({
      supplierId: s.id,
      supplierName: s.name,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: `CERT-${7000 + k}`,
      certificationBody: k % 2 ? "DNV Business Assurance" : "TÜV Süd Management Service GmbH",
      expiryDate: `2026-${String(7 + (k % 3)).padStart(2, "0")}-${String(10 + k).padStart(2, "0")}`,
      daysLeft: 38 + k * 23,
    }));

  return {
    kind: "agreement",
    version: 7,
    generatedAt: "2026-06-02T08:15:00.000Z",
    generatedBy: "Lena Fischer (discloser)",
    agreement,
    requirements: reqs,
    suppliers,
    chain,
    phases,
    clearances,
    expiringCertificates: expiring,
    glossary: [
      {
        term: "Composed notification window",
        definition:
          "Hours from a breach at a supplier until the discloser hears of it: the recipient's own hours plus every link's hours up the chain.",
      },
      {
        term: "Phase clearance",
        definition:
          "A supplier may receive a disclosure phase only when every requirement the phase names is met on its latest approved assessment.",
      },
    ],
  };
}

/** An assessment with many requirements (for tables that span pages). */
export function longAssessmentFixture(count: number): AssessmentReportData {
  const base = assessmentFixture();
  const r = seeded(7);
  const statuses: RequirementStatus[] = ["met", "partially_met", "not_met", "not_answered"];
  const reqs: RequirementResult[] = Array.from({ length: count }, (_, i) => {
    const status = statuses[Math.floor(r() * 4)];
    return {
      requirementId: `FD-GEN-${String(i + 1).padStart(3, "0")}`,
      title: `Generated requirement with a title long enough to wrap onto a second line (#${i + 1}/end)`,
      category: CATEGORIES[i % CATEGORIES.length],
      weight: 1 + (i % 5),
      knockOut: false,
      params: {},
      computedStatus: status,
      status,
      override: null,
      reasons: [`Reason for requirement ${i + 1}.`],
      answers: [],
      evidence: [],
      certificationCredit: [],
    };
  });
  const counts = countStatuses(reqs);
  return { ...base, result: { ...base.result, requirements: reqs, counts } };
}
