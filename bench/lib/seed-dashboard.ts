import mongoose, { type Types } from "mongoose";
import { scoreAssessment } from "#app/scoring/assessment";
import type { ScoringResult } from "#app/scoring/types";
import { extractChainFacts } from "#app/scoring/chain";
import { agreementInput, currentBasis, summaryCells } from "#app/features/assessments/scoring.server";
import { hashPassword } from "#app/features/accounts/password.server";
import { todayIso } from "#models/today";
import { pinCatalogue, pinTemplate } from "#models/questionnaire-version.server";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import { Agreement } from "#models/agreement.server";
import { AssessmentRow, rowToStored, touchReadModel } from "#models/assessment-row.server";
import { Assessment, ASSESSMENT_STATUSES } from "#models/assessment.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { randomAnswers, seededRandom } from "#tests/fixtures/scoring-random";
import { createBenchAgreement, seedBenchParties } from "./seed";

export const BENCH_USER = { email: "bench@procurement.example", password: "bench-password-123" };
const AGREEMENTS = 20;
/** how many documents one insertMany sends (the driver splits a batch over its message size) */
const BATCH = 1000;

export interface DashboardScale {
  suppliers: number;
  assessments: number;
  /** distinct answer sets, each scored once per agreement and tier and reused */
  answerSets: number;
}

/** Where seeding records how far it got (one document, `_id: "seeding"`). */
function benchMeta() {
  return mongoose.connection.db!.collection<{
    _id: string;
    suppliers: number;
    assessments: number;
    complete: boolean;
    at: Date;
  }>("bench_meta");
}

async function recordSeeding(suppliers: number, assessments: number, complete: boolean) {
  await benchMeta().replaceOne(
    { _id: "seeding" },
    { suppliers, assessments, complete, at: new Date() },
    { upsert: true },
  );
}

/** The bench agreements in order (BENCH-0, BENCH-1, ... BENCH-19). */
async function benchAgreements() {
  const found = await Agreement.find({ reference: /^BENCH-/ });
  return found.sort((a, b) => Number(a.reference.slice(6)) - Number(b.reference.slice(6)));
}

/**
 * What the database holds: "empty"; "seeded" at this scale (with its agreements); or "partial", a
 * seeding stopped by its time limit (BENCH_SEED_MINUTES) with `assessments` stored, to go on from.
 */
export async function seededDashboard(scale: DashboardScale) {
  const recipient = await Organization.findOne({ slug: "bench-recipient" }, { _id: 1 }).lean();
  if (!recipient) return { state: "empty" as const };
  // what the last seeding recorded: counting 100,000 assessments takes FerretDB minutes
  const marker = await benchMeta().findOne({ _id: "seeding" });
  if (marker && marker.suppliers === scale.suppliers) {
    if (marker.complete && marker.assessments === scale.assessments)
      return { state: "seeded" as const, agreements: await benchAgreements() };
    if (!marker.complete && marker.assessments < scale.assessments)
      return { state: "partial" as const, assessments: marker.assessments };
  }
  const [suppliers, assessments, user] = await Promise.all([
    Organization.countDocuments({ kind: "supplier", managedBy: recipient._id }),
    // every assessment of the bench database is the recipient's: a count without a filter, which FerretDB
    // on SQLite answers without decoding every document
    Assessment.estimatedDocumentCount(),
    User.exists({ email: BENCH_USER.email }),
  ]);
  const agreements = await benchAgreements();
  if (suppliers === scale.suppliers && assessments === scale.assessments && user) {
    await recordSeeding(scale.suppliers, assessments, true);
    return { state: "seeded" as const, agreements };
  }
  if (suppliers === scale.suppliers && agreements.length === AGREEMENTS && assessments <= scale.assessments && !user)
    return { state: "partial" as const, assessments };
  throw new Error(
    `The database in BENCH_DATA_DIR holds ${suppliers} suppliers and ${assessments} assessments, ` +
      `not ${scale.suppliers} and ${scale.assessments}: use another folder for this scale`,
  );
}

/**
 * `suppliers` suppliers in 20 agreements' chains (half tier 1, half tier 2) and `assessments`
 * assessments spread over them in every status, stored as the portal stores them: the assessment
 * with its answers, score, basis and summary, and its read-model row. Bulk inserts of 1,000;
 * the scores come from a pool of `answerSets` answer sets, each scored once per agreement and
 * tier (all a score depends on here besides the answers) and given to many suppliers.
 */
export async function seedDashboard(
  scale: DashboardScale,
  opts: { log?: (line: string) => void; resumeFrom?: number; deadline?: number } = {},
): Promise<{ agreements: InstanceType<typeof Agreement>[]; complete: boolean; assessments: number }> {
  const log = opts.log ?? (() => {});
  const resumeFrom = opts.resumeFrom ?? 0;
  const t0 = performance.now();
  const lap = (what: string) => log(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const perAgreement = Math.ceil(scale.suppliers / AGREEMENTS);
  const tierOf = (k: number) => (k < perAgreement / 2 ? 1 : 2);
  // a seeding that goes on (after its time limit) draws from a sequence of its own
  const random = seededRandom(42 + resumeFrom);
  const { catalogue, template, templateVersion, catalogueVersion, recipient, suppliers, agreements } = resumeFrom
    ? await storedParties()
    : await seedParties();
  const inputs = await Promise.all(agreements.map((a) => agreementInput(a.toObject())));
  lap(`${AGREEMENTS} agreements`);

  async function storedParties() {
    const catalogue = loadCatalogue();
    const template = getTemplate("full-security")!;
    const [templateVersion, catalogueVersion] = await Promise.all([pinTemplate(template), pinCatalogue(catalogue)]);
    const recipient = (await Organization.findOne({ slug: "bench-recipient" }))!;
    const stored = await Organization.find({ kind: "supplier", managedBy: recipient._id }, { name: 1, slug: 1 }).lean();
    const suppliers = stored
      .sort((a, b) => Number(a.slug.slice(8)) - Number(b.slug.slice(8)))
      .map((s) => ({ _id: s._id, name: s.name }));
    return {
      catalogue,
      template,
      templateVersion,
      catalogueVersion,
      recipient,
      suppliers,
      agreements: await benchAgreements(),
    };
  }

  async function seedParties() {
    const parties = await seedBenchParties();
    const { recipient } = parties;
    const countries = ["DE", "EE", "FR", "NL", "JP", "IN", "US", "GB"];
    const suppliers: { _id: Types.ObjectId; name: string }[] = [];
    for (let i = 0; i < scale.suppliers; i += BATCH) {
      const inserted = await Organization.insertMany(
        Array.from({ length: Math.min(BATCH, scale.suppliers - i) }, (_, k) => ({
          slug: `bench-s-${i + k}`,
          name: `Supplier ${String(i + k).padStart(4, "0")} ${random.pick(["GmbH", "Ltd", "OÜ", "株式会社", "SAS"])}`,
          kind: "supplier",
          country: random.pick(countries),
          service: "Cloud hosting",
          managedBy: [recipient._id],
        })),
      );
      suppliers.push(...inserted.map((s) => ({ _id: s._id, name: s.name })));
    }
    lap(`${suppliers.length} suppliers`);
    const agreements: InstanceType<typeof Agreement>[] = [];
    for (let a = 0; a < AGREEMENTS; a++) {
      const chain = suppliers.slice(a * perAgreement, (a + 1) * perAgreement).map((s, k) => ({
        supplierOrgId: s._id,
        tier: tierOf(k),
        parentSupplierOrgId:
          tierOf(k) === 1 ? null : suppliers[a * perAgreement + (k % Math.ceil(perAgreement / 2))]._id,
        service: "Cloud hosting",
        maxClass: "confidential" as const,
        accessLevel: "read" as const,
      }));
      agreements.push(
        await createBenchAgreement(parties, {
          reference: `BENCH-${a}`,
          title: `Bench agreement ${a}`,
          permittedJurisdictions: ["DE", "EE", "FR", "NL", "GB"],
          acceptedTransferMechanisms: ["SCC"],
          breachWindowHours: 96,
          retention: { retentionDays: 365, destroyWithinDays: 30, certificateOfDestruction: true },
          phases: [
            {
              key: "phase-1",
              name: "Evaluation",
              purpose: "",
              classes: ["internal"],
              permittedSupplierIds: [],
              requiredRequirementIds: ["FD-CONF-01", "FD-INC-01"],
            },
          ],
          chain,
        }),
      );
    }
    return { ...parties, suppliers, agreements };
  }

  const today = todayIso();
  const answerSets = Array.from({ length: scale.answerSets }, () => randomAnswers(template, random));
  const facts = answerSets.map((answers) => extractChainFacts(template, answers, ""));
  // a score depends on the answers, the agreement and the supplier's link (its tier here: the
  // service, class and access level are the same for every link); it names the supplier once
  const scores = new Map<string, ScoringResult>();
  const scoreOf = (a: number, k: number, set: number, supplierId: string): ScoringResult => {
    const key = `${a}:${tierOf(k)}:${set}`;
    let scored = scores.get(key);
    if (!scored) {
      scored = scoreAssessment({
        agreement: inputs[a],
        catalogue: catalogue.requirements,
        template,
        supplierId,
        answers: answerSets[set],
        certifications: [],
        overrides: [],
        evaluationDate: today,
      });
      scores.set(key, scored);
    }
    return { ...scored, supplierId };
  };
  const bases = new Map<string, ReturnType<typeof currentBasis>>();
  const basisOf = (a: number, set: number) => {
    const key = `${a}:${set}`;
    let basis = bases.get(key);
    if (!basis) {
      const fixed = { answers: answerSets[set], overrides: [], templateVersion, catalogueVersion };
      basis = currentBasis(fixed as never, agreements[a], [], today);
      bases.set(key, basis);
    }
    return basis;
  };

  const byName = "Bench Reviewer";
  let pending: Promise<unknown> = Promise.resolve();
  let created = resumeFrom;
  while (created < scale.assessments) {
    if (opts.deadline && performance.now() > opts.deadline) break;
    const batch = [];
    for (let n = 0; n < BATCH && created < scale.assessments; n++, created++) {
      const a = created % AGREEMENTS;
      const k = ((created / AGREEMENTS) | 0) % perAgreement;
      const supplier = suppliers[a * perAgreement + k] ?? suppliers[0];
      const set = random.int(0, scale.answerSets - 1);
      const status = random.pick(ASSESSMENT_STATUSES);
      const answers = status === "invited" ? {} : answerSets[set];
      const scored = status === "invited" || status === "in_progress" ? null : scoreOf(a, k, set, String(supplier._id));
      const basis = scored ? basisOf(a, set) : null;
      const now = new Date();
      const submitted = scored ? new Date(now.getTime() - 86_400_000) : null;
      const history = [
        { from: null, to: "invited", at: new Date(now.getTime() - 30 * 86_400_000), byName },
        ...(status === "invited" ? [] : [{ from: "invited", to: "in_progress", at: submitted ?? now, byName: "" }]),
        ...(scored ? [{ from: "in_progress", to: "submitted", at: submitted!, byName: "" }] : []),
        ...(scored && status !== "submitted" ? [{ from: "submitted", to: status, at: now, byName }] : []),
      ];
      batch.push({
        agreementId: agreements[a]._id,
        supplierOrgId: supplier._id,
        ownerOrgId: recipient._id,
        templateId: template.id,
        templateVersion,
        catalogueVersion,
        status,
        history,
        dueDate: `2026-${String(random.int(10, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
        answers,
        revision: status === "invited" ? 0 : 1,
        submittedAt: submitted,
        result: scored,
        resultBasis: basis ? { ...basis, computedAt: now } : null,
        approvedResult: status === "approved" ? scored : null,
        approvedBasis: status === "approved" && basis ? { ...basis, computedAt: now } : null,
        createdAt: now,
        updatedAt: now,
        __v: 0,
        summary: {
          supplierName: supplier.name,
          supplierKey: supplier.name.toLowerCase(),
          agreementRef: agreements[a].reference,
          score: scored?.score ?? null,
          rating: scored?.rating ?? null,
          openRemediation: 0,
          cells: scored ? summaryCells(scored) : {},
          notifyHours: scored ? facts[set].notifyHours : null,
          locations: scored ? facts[set].locations : [],
          evaluationDate: scored?.evaluationDate ?? null,
          computedAt: basis ? now : null,
          basis,
        },
      });
    }
    // cast and given their defaults by the models as the portal's writes are; the next batch is
    // built while this one is written
    const docs = batch.map((d) => new Assessment(d).toObject({ depopulate: true }));
    const rows = docs.map((d) => {
      const approval = d.status === "approved" ? d.history.filter((h) => h.to === "approved").at(-1) : undefined;
      return {
        ...rowToStored({
          _id: d._id,
          ownerOrgId: d.ownerOrgId,
          supplierOrgId: d.supplierOrgId,
          agreementId: d.agreementId,
          status: d.status,
          dueDate: d.dueDate,
          ...d.summary,
          drift: d.status === "approved" ? (d.summary?.drift ?? []) : [],
          lastChange: d.summary?.lastChange ?? null,
          revision: d.revision,
          updatedAt: (d as { updatedAt?: Date }).updatedAt!,
        } as Parameters<typeof rowToStored>[0]),
        approvedAt: approval?.at ?? null,
      };
    });
    await pending;
    pending = Promise.all([
      Assessment.collection.insertMany(docs as never[], { ordered: false }),
      AssessmentRow.collection.insertMany(rows as never[], { ordered: false }),
    ]);
    if (created % (BATCH * 10) === 0 || created === scale.assessments) lap(`${created} assessments`);
  }
  await pending;
  log(`  ${scores.size} scorings for ${created - resumeFrom} assessments`);
  if (created < scale.assessments) {
    await recordSeeding(scale.suppliers, created, false);
    return { agreements, complete: false, assessments: created };
  }
  await touchReadModel(String(recipient._id));
  await User.create({
    email: BENCH_USER.email,
    name: "Bench",
    role: "procurement",
    orgId: recipient._id,
    passwordHash: await hashPassword(BENCH_USER.password),
  });
  await recordSeeding(scale.suppliers, created, true);
  lap("done");
  return { agreements, complete: true, assessments: created };
}
