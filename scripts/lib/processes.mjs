// Whether a process from a pid file is still the one it names (a pid can be reused by another program).
// Where /proc cannot tell (not Linux), a process is not taken for ours: nothing foreign is ever ended.
import fs from "node:fs";

/** @param {number} pid */
export function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `pid` runs and its command line (from /proc) contains `name`.
 * @param {number} pid
 * @param {string} name
 */
export function processNamed(pid, name) {
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(name);
  } catch {
    return false;
  }
}
