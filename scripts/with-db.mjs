// Runs a command with MONGODB_URI set: the given one, or the embedded
// database (started for the command and stopped afterwards, or shared with a
// running `npm start`). Used by `npm run seed` and the other command-line jobs.
import { spawn } from "node:child_process";
import { embeddedDbFor, projectRoot } from "./lib/embedded-db.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/with-db.mjs <command> [args...]");
  process.exit(2);
}
const env = { ...process.env };
const db = await embeddedDbFor(env);
const child = spawn(command, args, { cwd: projectRoot, env, stdio: "inherit", shell: false });
const forward = (signal) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  if (db) await db.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
