import diagnostics from "node:diagnostics_channel";
import v8 from "node:v8";
import type { ServerResponse } from "node:http";
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { demoCredentialsText, seedDemoData, seedDemoDataIfEmpty, DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { User } from "#models/user.server";
import { deleteExpiredSessions } from "#models/session.server";
import { getEnv, secretKey, sessionSecret } from "#app/lib/env.server";
import { startInterval } from "#app/lib/scheduler.server";
import { scheduledJobs } from "#app/jobs.server";
import { deleteExpiredAttempts } from "#app/lib/rate-limit.server";
import { preloadReportFonts } from "#reports/fonts";
import {
  FIRST_ADMIN_HINT,
  needsFirstAdministrator,
  upgradeAccounts,
} from "#app/features/accounts/account-upgrade.server";

let started: Promise<void> | null = null;

/**
 * How far the heap may grow past what was live after the last full garbage
 * collection before the next one: V8 picks up to 4× when it is busy, and
 * with 100,000 rows held (~270 MiB live) a loaded portal then sat at
 * 1.1-1.2 GiB resident. Twice the live size keeps the headroom proportional
 * to the data held (no fixed cap that a larger organisation would run into):
 * 0.7 GiB resident after the same load, pages as fast (1.5× gave 0.55 GiB
 * but more full collections on the busiest page). Figures in docs/decisions/010.
 */
const HEAP_GROWING_PERCENT = 100;
v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/**
 * Everything the server needs before it answers a request: a valid
 * environment, the database with its indexes, demo data on a first start.
 */
const FONT_PRELOAD_DELAY_MS = 10_000;

export function startServer(): Promise<void> {
  started ??= (async () => {
    const env = getEnv();
    sessionSecret();
    // stored SSO and webhook secrets are sealed with it: refuse to start rather than fail on the first one
    secretKey();
    await connectDatabase(env.MONGODB_URI);
    const demo =
      env.FLOWDOWN_DEMO_DATA === "on" || (env.FLOWDOWN_DEMO_DATA === "auto" && env.FLOWDOWN_EMBEDDED_DB === "1");
    if (demo) {
      if (env.FLOWDOWN_DEMO_DATA === "on") await seedDemoData();
      else await seedDemoDataIfEmpty();
      if (await User.exists({ email: DEMO_ACCOUNTS[0].email })) console.log(demoCredentialsText());
    }
    await upgradeAccounts();
    if (await needsFirstAdministrator()) console.log(FIRST_ADMIN_HINT);
    const cleanup = setInterval(
      () => void Promise.all([deleteExpiredSessions(), deleteExpiredAttempts()]).catch(() => {}),
      60 * 60 * 1000,
    );
    cleanup.unref();
    if (env.FLOWDOWN_SCHEDULER !== "off")
      for (const job of scheduledJobs(env)) startInterval(job.name, job.everyMs, job.run);
    // parsing the report fonts takes a moment: do it soon rather than in the first report request, but
    // not beside the first pages, which are busy reading their organisation's rows
    setTimeout(
      () =>
        void Promise.resolve()
          .then(() => preloadReportFonts())
          .catch((error) => console.error("could not load the report fonts", error)),
      FONT_PRELOAD_DELAY_MS,
    ).unref();
    closeDatabaseAfterServer();
  })();
  return started;
}

/**
 * remix-serve closes its HTTP server on SIGINT/SIGTERM (no new connections)
 * and lets the requests in flight run on; the open database connection would
 * then keep the process alive. The listening socket goes at once, but the
 * requests still need the database: so close it, and end the process, only
 * once no listening server is left and every request has been answered (or
 * abandoned by its client). Requests are counted through Node's HTTP
 * diagnostics channels, which see remix-serve's server without wrapping it.
 */
let inFlight = 0;
function countRequests() {
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { response } = message as { response: ServerResponse };
    inFlight++;
    response.once("close", () => inFlight--);
  });
}

function closeDatabaseAfterServer() {
  countRequests();
  const onSignal = () => {
    const poll = setInterval(() => {
      if (inFlight > 0 || process.getActiveResourcesInfo().includes("TCPServerWrap")) return;
      clearInterval(poll);
      void disconnectDatabase().finally(() => process.exit(0));
    }, 50);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
