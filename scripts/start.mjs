// `npm start`: the portal on http://localhost:$PORT (default 3000). Without
// MONGODB_URI it first starts the embedded database and stops it again when
// the portal stops (Ctrl-C, SIGTERM), leaving no process behind.
import { spawn } from "node:child_process";
import path from "node:path";
import { dataDirOf, embeddedDbFor, projectRoot } from "./lib/embedded-db.mjs";
import { forgetPortalUrl, recordPortalUrl } from "./lib/portal-address.mjs";

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production", PORT: process.env.PORT ?? "3000" };
const db = await embeddedDbFor(env);
// the embedded set-up is a local one: keep the portal on this machine unless HOST says otherwise
if (db) env.HOST ??= "localhost";

const server = spawn(
  process.execPath,
  [path.join(projectRoot, "node_modules", "@remix-run", "serve", "dist", "cli.js"), "build/index.js"],
  {
    cwd: projectRoot,
    env,
    stdio: "inherit",
  },
);

// jobs run beside this portal (`npm run reminders`, …) link to it, whatever its PORT
const dataDir = dataDirOf(env);
if (db) {
  recordPortalUrl(dataDir, `http://localhost:${env.PORT}`);
  // the full address, for a second instance on this database (e.g. `MONGODB_URI=… PORT=3001 npm run serve`)
  console.log(`Embedded database: ${db.uri} (while this portal runs)`);
}

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill(signal);
    const force = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  }
  if (db) {
    forgetPortalUrl(dataDir);
    await db.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    void shutdown(signal).then(() => process.exit(0));
  });
}

server.on("exit", (code, signal) => {
  if (stopping) return;
  void shutdown("SIGTERM").then(() => process.exit(code ?? (signal ? 1 : 0)));
});
