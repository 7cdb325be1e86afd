/**
 * Scoring benchmark: `npx tsx bench/scoring.ts [count]`.
 * Scores `count` (default 10,000) varied assessments on one core and prints
 * throughput and per-assessment latency. Runs on a synthetic world built
 * here (~35 requirements, ~65 questions) and, when questionnaires/loader.ts
 * is present, on the shipped catalogue and full template too.
 */
import { performance } from "node:perf_hooks";
import {
  REQUIREMENT_CATEGORIES,
  type CatalogueRequirement,
  type QuestionMeta,
  type TemplateFile,
} from "#questionnaires/types";
import {
  indexTemplate,
  scoreAssessment,
  type AgreementInput,
  type CertificationInput,
  type ScoringInput,
} from "#app/scoring/index";
import { randomAnswers, seededRandom, type Random } from "#tests/fixtures/scoring-random";

const TARGET_PER_SECOND = 2_000;
const WARM_UP = 500;

interface World {
  label: string;
  catalogue: CatalogueRequirement[];
  template: TemplateFile;
}

// ---------------------------------------------------------------- synthetic world

function syntheticWorld(): World {
  const catalogue: CatalogueRequirement[] = [];
  const elements: Record<string, unknown>[] = [];
  const q = (type: string, name: string, flowdown: QuestionMeta, extra: Record<string, unknown> = {}) => ({
    type,
    name,
    title: name,
    ...extra,
    flowdown,
  });

  // the special requirements every agreement has: notification, location, certification
  catalogue.push(
    {
      id: "FD-INC-01",
      title: "Breach notification",
      category: "incident-response",
      description: "",
      weight: 5,
      knockOut: true,
      parameters: [{ key: "notifyWithinHours", label: "Hours", type: "hours", default: 24 }],
      isoControls: ["A.5.24", "A.5.25", "A.5.26"],
      evidence: [],
    },
    {
      id: "FD-LOC-01",
      title: "Data location",
      category: "data-location",
      description: "",
      weight: 5,
      knockOut: true,
      parameters: [],
      isoControls: ["A.5.14"],
      evidence: [],
    },
    {
      id: "FD-AUD-02",
      title: "Certification",
      category: "audit-certification",
      description: "",
      weight: 4,
      knockOut: false,
      judgedByCertification: true,
      parameters: [{ key: "standard", label: "Standard", type: "standard", default: "ISO/IEC 27001:2022" }],
      isoControls: ["A.5.35"],
      evidence: [],
    },
  );
  elements.push(
    q("boolean", "incPlan", { requirements: ["FD-INC-01"], judge: { kind: "boolean", expected: true }, gate: true }),
    q("text", "notifyHours", {
      requirements: ["FD-INC-01"],
      judge: { kind: "atMost", param: "notifyWithinHours" },
      gate: true,
      fact: "notifyHours",
    }),
    q("file", "incPlanFile", { requirements: ["FD-INC-01"], judge: { kind: "present" } }),
    {
      type: "paneldynamic",
      name: "dataLocations",
      templateElements: [
        q("dropdown", "country", {
          requirements: ["FD-LOC-01"],
          judge: { kind: "jurisdictions", countryField: "country", mechanismField: "mechanism" },
          fact: "dataLocations",
        }),
        { type: "dropdown", name: "mechanism" },
      ],
    },
    q("boolean", "remoteElsewhere", { requirements: ["FD-LOC-01"], judge: { kind: "boolean", expected: false } }),
    q("boolean", "certHeld", { requirements: ["FD-AUD-02"], judge: { kind: "boolean", expected: true } }),
    q("checkbox", "notifyContent", {
      requirements: ["FD-INC-01"],
      judge: { kind: "coverage", required: ["nature", "data", "measures"] },
    }),
    q("text", "contactName", { requirements: [], judge: { kind: "info" } }),
    q("text", "contactEmail", { requirements: [], judge: { kind: "info" } }),
  );

  // 32 more requirements in four shapes, two questions each (the last shape one)
  for (let i = 0; i < 32; i++) {
    const category = REQUIREMENT_CATEGORIES[i % REQUIREMENT_CATEGORIES.length];
    const id = `FD-${category.slice(0, 3).toUpperCase()}-${String(10 + i)}`;
    const shape = i % 4;
    const param = shape === 1 ? `limitDays${i}` : shape === 2 ? `minMonths${i}` : null;
    catalogue.push({
      id,
      title: `Requirement ${i}`,
      category,
      description: "",
      weight: 1 + (i % 5),
      knockOut: i % 11 === 0,
      parameters: param
        ? [{ key: param, label: param, type: shape === 1 ? "days" : "months", default: shape === 1 ? 30 : 12 }]
        : [],
      isoControls: [`A.${5 + (i % 4)}.${1 + i}`],
      evidence: [],
    });
    const name = (suffix: string) => `r${i}${suffix}`;
    if (shape === 0) {
      elements.push(
        q("boolean", name("Policy"), { requirements: [id], judge: { kind: "boolean", expected: true }, gate: true }),
        q("file", name("Upload"), { requirements: [id], judge: { kind: "present" } }),
      );
    } else if (shape === 1) {
      elements.push({
        type: "panel",
        name: name("Panel"),
        elements: [
          q("text", name("Days"), { requirements: [id], judge: { kind: "atMost", param: param!, partialWithin: 2 } }),
          q("radiogroup", name("Method"), {
            requirements: [id],
            judge: { kind: "choice", scores: { best: 1, fair: 0.5, none: 0 } },
          }),
        ],
      });
    } else if (shape === 2) {
      elements.push(
        q("text", name("Months"), { requirements: [id], judge: { kind: "atLeast", param: param! }, weight: 2 }),
        q("checkbox", name("Scope"), {
          requirements: [id],
          judge: { kind: "coverage", required: ["a", "b", "c", "d"] },
        }),
      );
    } else {
      elements.push(q("boolean", name("Done"), { requirements: [id], judge: { kind: "boolean", expected: true } }));
    }
  }
  const template: TemplateFile = {
    id: "bench-synthetic",
    title: "Synthetic",
    version: "bench",
    description: "",
    survey: {
      pages: [
        { name: "p1", elements: elements.slice(0, 30) },
        { name: "p2", elements: elements.slice(30) },
      ],
    },
  };
  return { label: "synthetic", catalogue, template };
}

// ---------------------------------------------------------------- the shipped world, when there is one

async function shippedWorld(): Promise<World | null> {
  try {
    // a variable specifier keeps tsc from requiring the file, which another part of the project provides
    const specifier = new URL("../questionnaires/loader.ts", import.meta.url).href;
    const loader = (await import(specifier)) as {
      loadCatalogue?: () => { requirements: CatalogueRequirement[] } | CatalogueRequirement[];
      getTemplate?: (id: string) => TemplateFile | undefined;
    };
    if (typeof loader.loadCatalogue !== "function" || typeof loader.getTemplate !== "function") return null;
    const loaded = await loader.loadCatalogue();
    const catalogue = Array.isArray(loaded) ? loaded : loaded.requirements;
    const template = await loader.getTemplate("full-security");
    if (!catalogue?.length || !template?.survey) return null;
    return { label: `shipped (${template.id} ${template.version})`, catalogue, template };
  } catch (error) {
    console.log(`(shipped catalogue not used: ${(error as Error).message.split("\n")[0]})`);
    return null;
  }
}

// ---------------------------------------------------------------- inputs

function agreementFor(world: World): AgreementInput {
  const answerable = new Set(indexTemplate(world.template).questions.flatMap((question) => question.meta.requirements));
  const requirements = world.catalogue.filter((entry) => answerable.has(entry.id) || entry.judgedByCertification);
  return {
    reference: "BENCH-1",
    effectiveDate: "2026-01-01",
    endDate: "2028-12-31",
    permittedJurisdictions: ["DE", "FR", "NL"],
    acceptedTransferMechanisms: ["SCC"],
    breachWindowHours: 72,
    recipientNotifyHours: 24,
    requiredCertifications: [{ standard: "ISO/IEC 27001:2022" }],
    requirements: requirements.map((entry) => ({ id: entry.id, params: {} })),
    phases: [],
    chain: [
      {
        supplierId: "s1",
        supplierName: "Tier one",
        tier: 1,
        parentSupplierId: null,
        service: "Source code hosting",
        maxClass: "restricted",
        accessLevel: "write",
      },
      {
        supplierId: "s2",
        supplierName: "Tier two",
        tier: 2,
        parentSupplierId: "s1",
        service: "Backup storage",
        maxClass: "confidential",
        accessLevel: "read",
      },
    ],
  };
}

function randomCertificates(random: Random): CertificationInput[] {
  const base: CertificationInput = {
    id: "c1",
    standard: "ISO/IEC 27001:2022",
    certificateNumber: "IS 1",
    certificationBody: "BSI",
    scope: "Source code hosting and backup storage",
    issueDate: "2025-01-01",
    expiryDate: "2029-01-01",
  };
  const variants: CertificationInput[] = [
    base,
    { ...base, id: "c2", expiryDate: "2027-06-30" },
    { ...base, id: "c3", controls: ["A.5.24", "A.8.24", "A.5.14"] },
    { ...base, id: "c4", certificationBody: "" },
  ];
  return random.shuffle(variants).slice(0, random.int(0, 2));
}

function makeInputs(world: World, count: number, seed: number): ScoringInput[] {
  const random = seededRandom(seed);
  const agreement = agreementFor(world);
  return Array.from({ length: count }, () => ({
    agreement,
    catalogue: world.catalogue,
    template: world.template,
    supplierId: random.pick(["s1", "s2"]),
    answers: randomAnswers(world.template, random),
    certifications: randomCertificates(random),
    overrides: [],
    evaluationDate: "2026-06-01",
  }));
}

// ---------------------------------------------------------------- measuring

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function run(world: World, count: number): boolean {
  const inputs = makeInputs(world, count, 20260601);
  for (let i = 0; i < Math.min(WARM_UP, count); i++) scoreAssessment(inputs[i]);

  const times = new Float64Array(count);
  let checksum = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    checksum += scoreAssessment(inputs[i]).score;
    times[i] = performance.now() - t0;
  }
  const elapsed = performance.now() - start;
  times.sort();

  const perSecond = Math.round((count / elapsed) * 1000);
  const agreement = inputs[0].agreement;
  const questions = indexTemplate(world.template).questions.length;
  console.log(`${world.label}: ${agreement.requirements.length} requirements, ${questions} questions with metadata`);
  console.log(
    `  ${count.toLocaleString("en")} assessments in ${elapsed.toFixed(0)} ms on one core → ${perSecond.toLocaleString(
      "en",
    )}/s (target ≥ ${TARGET_PER_SECOND.toLocaleString("en")}/s)`,
  );
  console.log(
    `  per assessment: p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(
      3,
    )} ms, max ${times[count - 1].toFixed(3)} ms`,
  );
  console.log(`  mean score ${(checksum / count).toFixed(1)}`);
  return perSecond >= TARGET_PER_SECOND;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive whole number, got ${process.argv[2]}`);
  const worlds = [syntheticWorld()];
  const shipped = await shippedWorld();
  if (shipped) worlds.push(shipped);
  let ok = true;
  for (const world of worlds) ok = run(world, count) && ok;
  if (!ok) process.exitCode = 1;
}

await main();
