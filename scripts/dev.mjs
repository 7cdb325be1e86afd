// `npm run dev`: the development server (remix dev, live reload) on the
// embedded database or MONGODB_URI (through scripts/with-db.mjs). Everything
// it opens listens on loopback unless HOST names another address: the portal
// and remix dev's own live-reload listener (see lib/listen-on-host.cjs).
import path from "node:path";
import { spawn } from "node:child_process";
import { projectRoot } from "./lib/embedded-db.mjs";

const env = { ...process.env, HOST: process.env.HOST || "localhost" };
env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${path.join(projectRoot, "scripts", "lib", "listen-on-host.cjs")}`]
  .filter(Boolean)
  .join(" ");
const remix = path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js");
const child = spawn(
  process.execPath,
  [
    path.join(projectRoot, "scripts", "with-db.mjs"),
    process.execPath,
    remix,
    "dev",
    "--manual",
    ...process.argv.slice(2),
  ],
  { cwd: projectRoot, env, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
