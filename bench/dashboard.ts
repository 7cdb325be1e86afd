// `npm run bench:dashboard`: BENCH_SUPPLIERS suppliers (default 1,000) and BENCH_ASSESSMENTS scored
// assessments (default 10,000) on a throwaway embedded database (BENCH_ENGINE=postgresql|sqlite, else
// the embedded default; MONGODB_URI for a server of one's own; BENCH_DATA_DIR keeps the seeded
// database for the next run). Then, on a fresh server process over that data:
// - the first page request after the start, before anything else warmed the process;
// - autocannon from this second process on loopback (10 connections, BENCH_SECONDS each after a
//   BENCH_WARM_UP_SECONDS warm-up that is not measured) against a floor page of the same app (a
//   fixed page of the dashboard's size behind the same session check) and each page: p50, p95, p99
//   and each as a multiple of the floor's (loaded first and again last, both runs together), then a warm single request (median of 5, one at a time);
// - the server's resident memory after the load (VmRSS) and at its peak (VmHWM).
// BENCH_SEED_MINUTES=<n> stops seeding after n minutes (a later run with the same BENCH_DATA_DIR goes
// on from there). BENCH_CPU_PROF=<dir> writes a CPU profile of that server process; BENCH_ONLY=<text> loads only
// the pages whose label contains it.
import crypto from "node:crypto";
import autocannon from "autocannon";
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { signInOverHttp } from "#tests/helpers/served-portal";
import {
  percentile,
  residentMemory,
  startBenchDb,
  startBenchServer,
  timedGet,
  untilServing,
  type Engine,
} from "./lib/app";
import { BENCH_USER, seedDashboard, seededDashboard } from "./lib/seed-dashboard";
import { SUPPLIERS_PER_PAGE } from "#app/features/agreements/agreement-page.server";

const scale = {
  suppliers: Number(process.env.BENCH_SUPPLIERS ?? 1000),
  assessments: Number(process.env.BENCH_ASSESSMENTS ?? 10_000),
  answerSets: Number(process.env.BENCH_ANSWER_SETS ?? 64),
};
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const CONNECTIONS = 10;
/** a time limit for seeding, in minutes: what is stored stays, and a run with the same BENCH_DATA_DIR goes on */
const SEED_MINUTES = Number(process.env.BENCH_SEED_MINUTES ?? 0);
const engine = process.env.BENCH_ENGINE as Engine | undefined;
if (engine && engine !== "postgresql" && engine !== "sqlite") throw new Error("BENCH_ENGINE: postgresql or sqlite");

interface Figures {
  label: string;
  latencies: number[];
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  kib: number;
  warm: number;
  failed: string | null;
}

const db = await startBenchDb({ engine, keep: process.env.BENCH_DATA_DIR });
try {
  const t0 = performance.now();
  await connectDatabase(db.uri);
  const stored = await seededDashboard(scale);
  let agreements = stored.state === "seeded" ? stored.agreements : [];
  if (stored.state === "seeded") console.log("reusing the seeded database in BENCH_DATA_DIR");
  else {
    if (stored.state === "partial") console.log(`going on seeding after the ${stored.assessments} assessments stored`);
    const seeded = await seedDashboard(scale, {
      log: (line) => console.log(line),
      resumeFrom: stored.state === "partial" ? stored.assessments : 0,
      deadline: SEED_MINUTES ? t0 + SEED_MINUTES * 60_000 : undefined,
    });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    if (!seeded.complete) {
      console.log(
        `seeding stopped after BENCH_SEED_MINUTES=${SEED_MINUTES} (${s} s) at ${seeded.assessments} of ${scale.assessments} assessments` +
          (process.env.BENCH_DATA_DIR
            ? "; run again with the same BENCH_DATA_DIR to go on"
            : "; set BENCH_DATA_DIR to keep them"),
      );
      process.exitCode = 2;
    } else console.log(`seeded ${scale.suppliers} suppliers and ${scale.assessments} assessments in ${s} s`);
    agreements = seeded.complete ? seeded.agreements : [];
  }
  await disconnectDatabase();
  if (agreements.length > 0) await measure(agreements);
} finally {
  await db.stop();
}

async function measure(agreements: { _id: unknown }[]) {
  const perAgreement = Math.ceil(scale.suppliers / 20);

  // one server process to sign in; the session is stored, so a cookie of the same secret serves the next
  const sessionSecret = crypto.randomBytes(32).toString("hex");
  // (quiet: stopped at once, it may still be reading the dashboards' rows and say so)
  const signIn = await startBenchServer(db, { sessionSecret, quiet: true });
  let cookie: string;
  try {
    await untilServing(signIn);
    cookie = await signInOverHttp(signIn.baseUrl, BENCH_USER.email, BENCH_USER.password);
  } finally {
    await signIn.stop();
  }

  const server = await startBenchServer(db, {
    sessionSecret,
    env: { FLOWDOWN_BENCH_FLOOR: "1" },
    nodeArgs: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
  });
  try {
    const first = await timedGet(`${server.baseUrl}/procurement`, cookie);
    if (first.status !== 200) throw new Error(`the first dashboard request answered ${first.status}`);
    console.log(
      `first page after a start: ${first.ms.toFixed(0)} ms (the process accepted connections ${server.upMs.toFixed(0)} ms after it was spawned)`,
    );
    // the floor: the dashboard's size, counted as its first page was
    const bare = await timedGet(`${server.baseUrl}/bench-floor?bytes=0`, cookie);
    if (bare.status !== 200) throw new Error(`the floor page answered ${bare.status}`);
    const floorPath = `/bench-floor?bytes=${Math.max(0, first.bytes - bare.bytes)}`;

    const targets = [
      ["floor: fixed page, same session check", floorPath],
      ["dashboard, first page", "/procurement"],
      ["dashboard, filtered + sorted", "/procurement?status=submitted&rating=high&sort=score&dir=desc"],
      ["dashboard, search", "/procurement?q=supplier%2001"],
      [
        perAgreement > SUPPLIERS_PER_PAGE
          ? `agreement matrix (first ${SUPPLIERS_PER_PAGE} of ${perAgreement} suppliers)`
          : `agreement matrix (${perAgreement} suppliers)`,
        `/procurement/agreements/${agreements[0]._id}`,
      ],
      ...(perAgreement > SUPPLIERS_PER_PAGE
        ? [
            [
              `agreement matrix (last page of ${perAgreement} suppliers)`,
              `/procurement/agreements/${agreements[0]._id}?tab=compliance&page=${Math.ceil(perAgreement / SUPPLIERS_PER_PAGE)}`,
            ] as [string, string],
          ]
        : []),
    ] as const;
    const only = process.env.BENCH_ONLY;
    const [floorTarget, ...pages] = targets.filter(([l], i) => i === 0 || !only || l.includes(only));
    const print = (figure: Figures) =>
      console.log(
        `${figure.label.padEnd(40)} p50 ${ms(figure.p50)}  p95 ${ms(figure.p95)}  p99 ${ms(figure.p99)}  warm single ${ms(figure.warm)}  ${figure.perSecond.toFixed(0)} req/s  ${figure.kib.toFixed(0)} KiB${figure.failed ? `  (${figure.failed})` : ""}`,
      );
    // the floor is loaded first and again last, and its figures are those of both runs together, so
    // that what the server still does after its start (reading the dashboards' rows) or a neighbour's
    // load on the machine weighs on the floor as on the pages between
    const floorFirst = await load(server.baseUrl + floorTarget[1], cookie, `${floorTarget[0]}, first`);
    print(floorFirst);
    const figures: Figures[] = [];
    for (const [label, path] of pages) {
      const figure = await load(server.baseUrl + path, cookie, label);
      figures.push(figure);
      print(figure);
    }
    const floorLast = await load(server.baseUrl + floorTarget[1], cookie, `${floorTarget[0]}, last`);
    print(floorLast);
    const floor = combine(floorTarget[0], floorFirst, floorLast);
    figures.unshift(floor);
    const memory = residentMemory(server.pid);
    const x = (v: number, f: number) => `${(v / f).toFixed(1)}×`;
    const lines = [
      "",
      `### bench:dashboard — ${scale.suppliers.toLocaleString("en")} suppliers / ${scale.assessments.toLocaleString("en")} assessments, engine: ${db.engine}`,
      "",
      `${CONNECTIONS} connections, ${SECONDS} s per page after ${WARM_UP_SECONDS} s of warm-up; ms; ×floor: the page's figure over the floor's in this run`,
      "",
      "| page | p50 | p95 | p99 | ×floor p50 | ×floor p95 | ×floor p99 | warm single | req/s | KiB |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...figures.map(
        (f) =>
          `| ${f.label}${f.failed ? ` (${f.failed})` : ""} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${f.p99.toFixed(0)} | ${x(f.p50, floor.p50)} | ${x(f.p95, floor.p95)} | ${x(f.p99, floor.p99)} | ${f.warm.toFixed(0)} | ${f.perSecond.toFixed(0)} | ${f.kib.toFixed(0)} |`,
      ),
      "",
      `| first page after a start | warm single (dashboard) | RSS after the load | peak RSS | engine |`,
      "| ---: | ---: | ---: | ---: | --- |",
      `| ${first.ms.toFixed(0)} ms | ${(figures.find((f) => f.label === "dashboard, first page")?.warm ?? NaN).toFixed(0)} ms | ${memory ? `${memory.rssMiB.toFixed(0)} MiB` : "n/a"} | ${memory ? `${memory.peakMiB.toFixed(0)} MiB` : "n/a"} | ${db.engine} |`,
    ];
    console.log(lines.join("\n"));
  } finally {
    await server.stop();
  }
}

function ms(v: number): string {
  return `${v.toFixed(0).padStart(5)} ms`;
}

async function load(url: string, cookie: string, label: string): Promise<Figures> {
  const check = await timedGet(url, cookie);
  if (check.status !== 200) throw new Error(`${label}: ${url} answered ${check.status}`);
  // a server that has been running: JIT-compiled and its caches filled (not measured)
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, headers: { cookie } });
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    run.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const singles: number[] = [];
  for (let i = 0; i < 5; i++) singles.push((await timedGet(url, cookie)).ms);
  singles.sort((a, b) => a - b);
  const failed =
    r.errors || r.timeouts || r.non2xx ? `${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} not 2xx` : null;
  return {
    label,
    latencies,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / SECONDS,
    kib: r.throughput.total / Math.max(1, r.requests.total) / 1024,
    warm: percentile(singles, 50),
    failed,
  };
}

function combine(label: string, a: Figures, b: Figures): Figures {
  const latencies = [...a.latencies, ...b.latencies].sort((x, y) => x - y);
  return {
    label: `${label}, first + last`,
    latencies,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (a.perSecond + b.perSecond) / 2,
    kib: (a.kib + b.kib) / 2,
    warm: Math.min(a.warm, b.warm),
    failed: [a.failed, b.failed].filter(Boolean).join("; ") || null,
  };
}
