// `npm run dev`: the development server (remix dev, live reload) on the
// embedded database or MONGODB_URI. Everything it opens listens on loopback
// unless HOST names another address: the portal and the live-reload socket.
import path from "node:path";
import { spawn } from "node:child_process";
import { embeddedDbFor, projectRoot } from "./lib/embedded-db.mjs";

const env = { ...process.env, HOST: process.env.HOST || "localhost" };
env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${path.join(projectRoot, "scripts", "lib", "listen-on-host.cjs")}`]
  .filter(Boolean)
  .join(" ");
const db = await embeddedDbFor(env);
const child = spawn(
  process.execPath,
  [
    path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"),
    "dev",
    "--manual",
    ...process.argv.slice(2),
  ],
  { cwd: projectRoot, env, stdio: "inherit" },
);
const forward = (signal) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  if (db) await db.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
