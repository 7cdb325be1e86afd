// `npm run bench:dashboard`: 1,000 suppliers and 10,000 scored assessments on a throwaway embedded
// database; autocannon (bounded in time) loads the procurement dashboard and an agreement's compliance
// matrix from this second process on loopback (10 connections, after a 3 s warm-up that is not
// measured), and prints p50, p95 and p99 of every response. Target: p95 under 200 ms.
import autocannon from "autocannon";
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { scoreAssessment } from "#app/scoring/assessment";
import { randomAnswers, seededRandom } from "#tests/fixtures/scoring-random";
import { extractChainFacts } from "#app/scoring/chain";
import { agreementInput, currentBasis, summaryCells } from "#app/features/assessments/scoring.server";
import { todayIso } from "#models/today";
import { hashPassword } from "#app/features/accounts/password.server";
import { Agreement } from "#models/agreement.server";
import { AssessmentRow, rowToStored, touchReadModel } from "#models/assessment-row.server";
import { Assessment, ASSESSMENT_STATUSES } from "#models/assessment.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { signInOverHttp } from "#tests/helpers/served-portal";
import { startBenchApp } from "./lib/app";
import { createBenchAgreement, seedBenchParties } from "./lib/seed";

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 1000);
const ASSESSMENTS = Number(process.env.BENCH_ASSESSMENTS ?? 10_000);
const AGREEMENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const CONNECTIONS = 10;
const random = seededRandom(42);

const app = await startBenchApp({
  nodeArgs: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
});
try {
  const t0 = performance.now();
  await connectDatabase(app.mongoUri);
  const reuse = await Organization.exists({ slug: "bench-recipient" });
  const agreements = reuse ? await Agreement.find({ reference: /^BENCH-/ }).sort({ reference: 1 }) : await seed();
  const perAgreement = Math.ceil(SUPPLIERS / AGREEMENTS);
  const cookie = await signInOverHttp(app.baseUrl, "bench@procurement.example", "bench-password-123");
  console.log(
    reuse
      ? "reusing the seeded database in BENCH_DATA_DIR"
      : `seeded ${SUPPLIERS} suppliers, ${ASSESSMENTS} assessments, ${AGREEMENTS} agreements in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const targets = [
    ["dashboard, first page", "/procurement"],
    ["dashboard, filtered + sorted", "/procurement?status=submitted&rating=high&sort=score&dir=desc"],
    ["dashboard, search", "/procurement?q=supplier%2001"],
    [`agreement matrix (${perAgreement} suppliers)`, `/procurement/agreements/${agreements[0]._id}`],
  ] as const;
  // BENCH_ONLY=matrix (or dashboard, filtered, search): load only the pages whose label contains it
  const only = process.env.BENCH_ONLY;
  for (const [label, path] of targets.filter(([l]) => !only || l.includes(only))) {
    const tc = performance.now();
    const check = await fetch(app.baseUrl + path, { headers: { cookie } });
    await check.text();
    console.log(`  single request: ${(performance.now() - tc).toFixed(0)} ms`);
    if (check.status !== 200) throw new Error(`${path} answered ${check.status}`);
    // a server that has been running: JIT-compiled and its caches filled (not measured)
    await autocannon({
      url: app.baseUrl + path,
      connections: CONNECTIONS,
      duration: WARM_UP_SECONDS,
      headers: { cookie },
    });
    const latencies: number[] = [];
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon(
        { url: app.baseUrl + path, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      run.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    });
    if (r.errors || r.requests.total === 0)
      console.log(`  (${r.errors} errors, ${r.timeouts} timeouts, ${r.requests.total} requests)`);
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)].toFixed(0).padStart(4);
    console.log(
      `${label.padEnd(34)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  ${(latencies.length / SECONDS).toFixed(0)} req/s  non-2xx ${r.non2xx}  ${(r.throughput.total / Math.max(1, r.requests.total) / 1024).toFixed(0)} KiB/page`,
    );
  }
  await disconnectDatabase();
} finally {
  await app.stop();
}

async function seed() {
  const parties = await seedBenchParties();
  const { catalogue, template, templateVersion, catalogueVersion, recipient } = parties;
  const countries = ["DE", "EE", "FR", "NL", "JP", "IN", "US", "GB"];
  const suppliers: Awaited<ReturnType<typeof Organization.insertMany>> = [];
  for (let i = 0; i < SUPPLIERS; i += 500) {
    suppliers.push(
      ...(await Organization.insertMany(
        Array.from({ length: Math.min(500, SUPPLIERS - i) }, (_, k) => ({
          slug: `bench-s-${i + k}`,
          name: `Supplier ${String(i + k).padStart(4, "0")} ${random.pick(["GmbH", "Ltd", "OÜ", "株式会社", "SAS"])}`,
          kind: "supplier",
          country: random.pick(countries),
          service: "Cloud hosting",
          managedBy: [recipient._id],
        })),
      )),
    );
  }
  const perAgreement = Math.ceil(SUPPLIERS / AGREEMENTS);
  const agreements: InstanceType<typeof Agreement>[] = [];
  for (let a = 0; a < AGREEMENTS; a++) {
    const chain = suppliers.slice(a * perAgreement, (a + 1) * perAgreement).map((s, k) => ({
      supplierOrgId: s._id,
      tier: k < perAgreement / 2 ? 1 : 2,
      parentSupplierOrgId:
        k < perAgreement / 2 ? null : suppliers[a * perAgreement + (k % Math.ceil(perAgreement / 2))]._id,
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
  const inputs = await Promise.all(agreements.map((a) => agreementInput(a.toObject())));
  const today = todayIso();
  let created = 0;
  while (created < ASSESSMENTS) {
    const batch = [];
    for (let k = 0; k < 500 && created < ASSESSMENTS; k++, created++) {
      const a = created % AGREEMENTS;
      const supplier = suppliers[a * perAgreement + (((created / AGREEMENTS) | 0) % perAgreement)] ?? suppliers[0];
      const answers = randomAnswers(template, random);
      const status = random.pick(ASSESSMENT_STATUSES);
      const scored =
        status === "invited" || status === "in_progress"
          ? null
          : scoreAssessment({
              agreement: inputs[a],
              catalogue: catalogue.requirements,
              template,
              supplierId: String(supplier._id),
              answers,
              certifications: [],
              overrides: [],
              evaluationDate: today,
            });
      // as the portal stores it: with what it was computed from, so pages find it current
      const basis = scored
        ? currentBasis({ answers, overrides: [], templateVersion, catalogueVersion } as never, agreements[a], [], today)
        : null;
      batch.push({
        agreementId: agreements[a]._id,
        supplierOrgId: supplier._id,
        ownerOrgId: recipient._id,
        templateId: template.id,
        templateVersion,
        catalogueVersion,
        status,
        dueDate: `2026-${String(random.int(10, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
        answers,
        revision: 1,
        result: scored,
        resultBasis: basis ? { ...basis, computedAt: new Date() } : null,
        summary: {
          supplierName: supplier.name,
          supplierKey: supplier.name.toLowerCase(),
          agreementRef: agreements[a].reference,
          score: scored?.score ?? null,
          rating: scored?.rating ?? null,
          openRemediation: 0,
          cells: scored ? summaryCells(scored) : {},
          ...(scored
            ? (({ notifyHours, locations }) => ({ notifyHours, locations }))(
                extractChainFacts(template, answers, String(supplier._id)),
              )
            : { notifyHours: null, locations: [] }),
          evaluationDate: scored?.evaluationDate ?? null,
          computedAt: basis ? new Date() : null,
          basis,
        },
      });
    }
    const inserted = await Assessment.insertMany(batch as never[], { lean: true });
    await AssessmentRow.insertMany(
      inserted.map((a: Record<string, any>) =>
        rowToStored({
          _id: a._id,
          ownerOrgId: a.ownerOrgId,
          supplierOrgId: a.supplierOrgId,
          agreementId: a.agreementId,
          status: a.status,
          dueDate: a.dueDate,
          ...a.summary,
          revision: 1,
          updatedAt: new Date(),
        }),
      ),
      { lean: true },
    );
  }
  await touchReadModel(String(recipient._id));
  await User.create({
    email: "bench@procurement.example",
    name: "Bench",
    role: "procurement",
    orgId: recipient._id,
    passwordHash: await hashPassword("bench-password-123"),
  });
  return agreements;
}
