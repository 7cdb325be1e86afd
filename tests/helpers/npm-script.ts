import { spawn } from "node:child_process";
import { projectRoot } from "../../scripts/lib/embedded-db.mjs";

/** `npm run <script> -- <args>` against the given database, as an operator runs it: its exit code and output. */
export function runNpmScript(
  script: string,
  args: string[],
  mongoUri: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], {
      cwd: projectRoot,
      env: { ...process.env, MONGODB_URI: mongoUri },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}
