import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  forgetPortalUrl,
  jobLinkOrigin,
  recordPortalUrl,
  runningPortalUrl,
} from "../../scripts/lib/portal-address.mjs";

const dirs: string[] = [];
function dataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-portal-address-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the address in the links a command-line job e-mails", () => {
  it("is PUBLIC_URL when it is set, without a trailing slash", () => {
    const dir = dataDir();
    recordPortalUrl(dir, "http://localhost:3100");
    expect(jobLinkOrigin({ PUBLIC_URL: "https://flowdown.example.com/", PORT: "3200" }, dir)).toBe(
      "https://flowdown.example.com",
    );
  });

  it("is the address of the portal running on the same data, whatever port it took", () => {
    const dir = dataDir();
    recordPortalUrl(dir, "http://localhost:3107");
    expect(jobLinkOrigin({}, dir)).toBe("http://localhost:3107");
    forgetPortalUrl(dir);
    expect(runningPortalUrl(dir)).toBeNull();
    expect(jobLinkOrigin({ PORT: "3200" }, dir)).toBe("http://localhost:3200");
  });

  it("ignores the note of a portal whose process has ended", () => {
    const dir = dataDir();
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(
      path.join(dir, "portal.json"),
      JSON.stringify({ url: "http://localhost:3999", pid: Number(ended) }),
    );
    expect(runningPortalUrl(dir)).toBeNull();
    expect(jobLinkOrigin({}, dir)).toBe("http://localhost:3000");
  });
});
