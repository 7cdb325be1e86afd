// Runs a command with MONGODB_URI set: the given one, or the embedded
// database (started for the command and stopped afterwards, or shared with a
// running `npm start`). Used by `npm run seed` and `npm run dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { hasFerretdb, missingFerretdbMessage, projectRoot, startEmbeddedDb } from "./lib/embedded-db.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/with-db.mjs <command> [args...]");
  process.exit(2);
}
const env = { ...process.env };
let db = null;
if (!env.MONGODB_URI) {
  if (!hasFerretdb()) {
    console.error(`\n${missingFerretdbMessage}\n`);
    process.exit(1);
  }
  try {
    db = await startEmbeddedDb({ dataDir: path.resolve(env.FLOWDOWN_DATA_DIR ?? path.join(projectRoot, "data")) });
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  env.MONGODB_URI = db.uri;
  env.FLOWDOWN_EMBEDDED_DB = "1";
}
const child = spawn(command, args, { cwd: projectRoot, env, stdio: "inherit", shell: false });
const forward = (signal) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  if (db) await db.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
