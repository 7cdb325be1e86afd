// `npm run bench:autosave`: 50 suppliers autosaving at once from a second process (autocannon on
// loopback, measured for BENCH_SECONDS, default 10 s, after BENCH_WARMUP_SECONDS, default 3 s), against the built portal on a throwaway embedded
// database; checks that every acknowledged answer is what the database holds afterwards. Beside it,
// the bare baseline on the same database: 50 concurrent clients each doing the conditional update
// `updateOne({_id, revision}, {$set, $inc})` on a document of the shape and size the autosaves left,
// through a driver pool of the size the app uses. Once per engine in BENCH_ENGINES (default
// "postgresql,sqlite" where PostgreSQL is installed, else "sqlite"), each on its own database;
// with MONGODB_URI set, once on that server.
import autocannon from "autocannon";
import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase, poolSize } from "#app/lib/db.server";
import { hashPassword } from "#app/features/accounts/password.server";
import { Assessment } from "#models/assessment.server";
import { Agreement } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { signInOverHttp } from "#tests/helpers/served-portal";
import {
  percentile,
  postgresqlInstalled,
  startBenchDb,
  startBenchServer,
  untilServing,
  type BenchDb,
  type Engine,
} from "./lib/app";
import { seedBenchParties } from "./lib/seed";

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
// the app and the bare baseline first warm up unmeasured (connections opened, code compiled): the bare
// baseline for this many seconds, the app for as many saves as 5 a second per supplier would make
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const PASSWORD = "bench-password-123";

interface Row {
  engine: string;
  pool: number;
  app: { perSecond: number; p50: number; p90: number; p99: number; lost: number; checked: number; refused: string };
  bare: { perSecond: number; p50: number; p90: number; p99: number; missed: number };
}

const engines: (Engine | undefined)[] = process.env.MONGODB_URI
  ? [undefined]
  : (process.env.BENCH_ENGINES ?? (postgresqlInstalled() ? "postgresql,sqlite" : "sqlite"))
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => {
        if (e !== "postgresql" && e !== "sqlite") throw new Error(`BENCH_ENGINES: postgresql or sqlite, not ${e}`);
        return e;
      });

const rows: Row[] = [];
const skipped: string[] = [];
for (const engine of engines) {
  let db: BenchDb;
  try {
    db = await startBenchDb({ engine });
  } catch (error) {
    skipped.push(`${engine}: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  try {
    rows.push(await run(db));
  } finally {
    await db.stop();
  }
}

const f = (v: number) => v.toFixed(0);
console.log(
  [
    "",
    `### bench:autosave — ${SUPPLIERS} suppliers saving at once, ${DURATION_S} s after a warm-up (app: ${SUPPLIERS * 5 * WARMUP_S} saves, bare: ${WARMUP_S} s) that is not measured; bare: ${SUPPLIERS} clients, updateOne({_id, revision}, {$set, $inc})`,
    "",
    "| engine | pool | app saves/s | app p50 | app p90 | app p99 | answers lost | bare updates/s | bare p50 | bare p90 | bare p99 | app p99 ÷ bare p99 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.pool} | ${f(r.app.perSecond)} | ${f(r.app.p50)} | ${f(r.app.p90)} | ${f(r.app.p99)} | ${r.app.lost} of ${r.app.checked}${r.app.refused ? ` (refused: ${r.app.refused})` : ""} | ${f(r.bare.perSecond)} | ${f(r.bare.p50)} | ${f(r.bare.p90)} | ${f(r.bare.p99)} | ${(r.app.p99 / r.bare.p99).toFixed(1)}× |`,
    ),
    ...skipped.map((s) => `\nnot run: ${s}`),
  ].join("\n"),
);
if (rows.some((r) => r.app.lost > 0 || r.app.refused) || rows.length === 0) process.exitCode = 1;

async function run(db: BenchDb): Promise<Row> {
  console.log(`\n${db.engine}:`);
  await connectDatabase(db.uri);
  const server = await startBenchServer(db, {
    nodeArgs: process.env.BENCH_CPU_PROF
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/${db.engine}`]
      : [],
  });
  try {
    await untilServing(server);
    const { catalogue, template, templateVersion, catalogueVersion, recipient, discloser } = await seedBenchParties();
    const suppliers = await Organization.insertMany(
      Array.from({ length: SUPPLIERS }, (_, i) => ({
        slug: `bench-supplier-${i}`,
        name: `Bench Supplier ${i}`,
        kind: "supplier",
        country: "DE",
        managedBy: [recipient._id],
      })),
    );
    const agreement = await Agreement.create({
      reference: "BENCH-1",
      title: "Bench agreement",
      discloserOrgId: discloser._id,
      recipientOrgId: recipient._id,
      effectiveDate: "2026-01-01",
      endDate: "2028-12-31",
      survivalMonths: 60,
      governingLaw: "Swiss law",
      purposes: ["evaluation"],
      informationClasses: ["confidential"],
      permittedJurisdictions: ["DE"],
      breachWindowHours: 72,
      recipientNotifyHours: 24,
      retention: { retentionDays: 365, destroyWithinDays: 30 },
      requirements: catalogue.requirements.map((r) => ({ requirementId: r.id, params: {} })),
      chain: suppliers.map((s) => ({
        supplierOrgId: s._id,
        tier: 1,
        parentSupplierOrgId: null,
        service: "",
        maxClass: "confidential",
        accessLevel: "read",
      })),
      catalogueVersion,
      createdBy: new mongoose.Types.ObjectId(),
    });
    const passwordHash = await hashPassword(PASSWORD);
    const users = await User.insertMany(
      suppliers.map((s, i) => ({
        email: `bench${i}@supplier.example`,
        name: `Bench ${i}`,
        role: "supplier",
        orgId: s._id,
        passwordHash,
      })),
    );
    const assessments = await Assessment.insertMany(
      suppliers.map((s) => ({
        agreementId: agreement._id,
        supplierOrgId: s._id,
        ownerOrgId: recipient._id,
        templateId: template.id,
        templateVersion,
        catalogueVersion,
        status: "in_progress",
        dueDate: "2099-01-01",
        answers: {},
        revision: 0,
      })),
    );
    const cookies: string[] = [];
    for (const u of users) cookies.push(await signInOverHttp(server.baseUrl, u.email, PASSWORD));

    // autocannon clears a connection's context after every request, so each supplier's state lives here:
    // a request takes an idle supplier, its response gives it back with the revision the server acknowledged.
    const acknowledged = new Map<number, string>();
    const revision = new Array<number>(SUPPLIERS).fill(0);
    const sequence = new Array<number>(SUPPLIERS).fill(0);
    const idle = Array.from({ length: SUPPLIERS }, (_, i) => i);
    const statuses = new Map<number, number>();
    interface Ctx {
      i?: number;
      value?: string;
    }
    // the warm-up is a number of saves, not a time: autocannon ends a timed run without the answers
    // still in flight, whose suppliers would then never be free again
    const load = (run: { duration: number } | { amount: number }) =>
      autocannon({
        url: server.baseUrl,
        connections: SUPPLIERS,
        ...run,
        // a save answered after autocannon's default 10 s would be dropped without its response, and its
        // supplier never freed: wait for every answer that comes before the run ends
        timeout: DURATION_S + 30,
        pipelining: 1,
        requests: [
          {
            method: "POST",
            setupRequest: (req: Record<string, unknown>, context: Ctx) => {
              const i = idle.shift();
              if (i === undefined) throw new Error("more connections than suppliers");
              sequence[i] += 1;
              context.i = i;
              context.value = `supplier ${i} answer ${sequence[i]}`;
              return {
                ...req,
                path: `/api/assessments/${String(assessments[i]._id)}/answers`,
                headers: { "content-type": "application/json", cookie: cookies[i] },
                body: JSON.stringify({
                  baseRevision: revision[i],
                  changes: { orgLegalName: context.value, breachNotifyHours: sequence[i] % 72 },
                }),
              };
            },
            onResponse: (status: number, body: string, context: Ctx) => {
              const i = context.i!;
              if (status === 200) {
                revision[i] = JSON.parse(body).revision;
                acknowledged.set(i, context.value!);
              } else statuses.set(status, (statuses.get(status) ?? 0) + 1);
              idle.push(i);
            },
          },
        ],
      } as unknown as autocannon.Options);
    if (WARMUP_S > 0) await load({ amount: SUPPLIERS * 5 * WARMUP_S });
    const result = await load({ duration: DURATION_S });

    // A request still in flight when the run stopped may have been stored without its answer arriving:
    // the database may hold a later answer than the last acknowledged one, never an earlier one.
    const seqOf = (v: unknown) => Number(String(v ?? "").match(/answer (\d+)$/)?.[1] ?? -1);
    let lost = 0;
    for (const [i, value] of acknowledged) {
      const stored = await Assessment.findById(assessments[i]._id, { answers: 1 }).lean();
      if (seqOf(stored?.answers?.orgLegalName) < seqOf(value)) lost++;
    }
    const refused = [...statuses].map(([s, n]) => `${n}×${s}`).join(", ");
    console.log(
      `  app: ${result.requests.total} saves (${result.non2xx} not 2xx ${refused}, ${result.errors} errors, ${result.timeouts} timeouts), ${result.requests.average.toFixed(0)}/s, p50 ${result.latency.p50} p90 ${result.latency.p90} p99 ${result.latency.p99} max ${result.latency.max} ms; acknowledged answers lost: ${lost} of ${acknowledged.size}`,
    );
    await server.stop();

    // the bare baseline: the same documents as the autosaves left them, copied, and updated straight
    // the app's pool for this engine (startBenchDb set the environment `npm start` would)
    const pool = poolSize();
    const bare = await bareUpdates(
      db.uri,
      pool,
      assessments.map((a) => a._id),
    );
    console.log(
      `  bare: ${bare.perSecond.toFixed(0)}/s, p50 ${bare.p50.toFixed(0)} p90 ${bare.p90.toFixed(0)} p99 ${bare.p99.toFixed(0)} ms (pool ${pool}${bare.missed ? `, ${bare.missed} updates matched nothing` : ""})`,
    );
    return {
      engine: db.engine,
      pool,
      app: {
        perSecond: result.requests.average,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        lost,
        checked: acknowledged.size,
        refused,
      },
      bare,
    };
  } finally {
    await server.stop();
    await disconnectDatabase();
  }
}

/**
 * SUPPLIERS clients at once, each updating its own document `{_id, revision}` -> `$set` two answers,
 * `$inc` the revision, one update after another for DURATION_S; a client of its own with a pool of `pool`.
 */
async function bareUpdates(uri: string, pool: number, ids: mongoose.Types.ObjectId[]) {
  const client = new mongoose.mongo.MongoClient(uri, { maxPoolSize: pool });
  await client.connect();
  try {
    const source = client.db().collection("assessments");
    const bare = client.db().collection("bench_bare_updates");
    const docs = await source.find({ _id: { $in: ids } }).toArray();
    await bare.insertMany(docs.map((d) => ({ ...d, revision: 0 })));
    let latencies: number[] = [];
    let missed = 0;
    const warmupEnd = performance.now() + WARMUP_S * 1000;
    let start = warmupEnd;
    const end = warmupEnd + DURATION_S * 1000;
    let measuring = WARMUP_S <= 0;
    await Promise.all(
      docs.map(async (d, i) => {
        let revision = 0;
        while (performance.now() < end) {
          if (!measuring && performance.now() >= warmupEnd) {
            // the first client past the warm-up starts the measurement for all
            measuring = true;
            start = performance.now();
            latencies = [];
            missed = 0;
          }
          const t0 = performance.now();
          const r = await bare.updateOne(
            { _id: d._id, revision },
            {
              $set: {
                "answers.orgLegalName": `supplier ${i} answer ${revision + 1}`,
                "answers.breachNotifyHours": revision % 72,
              },
              $inc: { revision: 1 },
            },
          );
          latencies.push(performance.now() - t0);
          if (r.modifiedCount === 1) revision++;
          else {
            missed++;
            revision = (await bare.findOne({ _id: d._id }, { projection: { revision: 1 } }))?.revision ?? revision;
          }
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      missed,
    };
  } finally {
    await client.close();
  }
}
