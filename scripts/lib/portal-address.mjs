// Where the portal answers, for the links in e-mails that the command-line
// jobs (`npm run reminders`, `reassessments`, `admin:create`) send: PUBLIC_URL
// when it is set; else the address a running `npm start` recorded in the data
// folder (it may run on any PORT); else http://localhost:$PORT (default 3000).
import fs from "node:fs";
import path from "node:path";
import { processAlive } from "./processes.mjs";

const FILE = "portal.json";

/** `npm start` notes where the portal answers, for jobs run beside it. */
export function recordPortalUrl(dataDir, url) {
  fs.writeFileSync(path.join(dataDir, FILE), JSON.stringify({ url, pid: process.pid }));
}

/** Removes this process's note (another process's is left alone). */
export function forgetPortalUrl(dataDir) {
  const file = path.join(dataDir, FILE);
  try {
    if (JSON.parse(fs.readFileSync(file, "utf8")).pid === process.pid) fs.rmSync(file);
  } catch {
    // nothing noted
  }
}

/** The address a running portal noted in `dataDir`, or null (none noted, or its process has ended). */
export function runningPortalUrl(dataDir) {
  try {
    const { url, pid } = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), "utf8"));
    return typeof url === "string" && Number.isInteger(pid) && processAlive(pid) ? url : null;
  } catch {
    return null;
  }
}

/** The origin for links in e-mails sent from a command-line job (no trailing slash). */
export function jobLinkOrigin(env, dataDir) {
  const origin = env.PUBLIC_URL || runningPortalUrl(dataDir) || `http://localhost:${env.PORT || 3000}`;
  return origin.replace(/\/$/, "");
}
