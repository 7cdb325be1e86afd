import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/embedded-db.mjs";

const preload = path.join(projectRoot, "scripts", "lib", "listen-on-host.cjs");

/** The address a server gets that listens without naming one, as remix dev's live-reload server does. */
function addressOf(listenCall: string, host?: string): string {
  const env = { ...process.env, HOST: host ?? "" };
  const code = `const s = require("node:http").createServer(); s.${listenCall}; s.on("listening", () => { process.stdout.write(s.address().address); s.close(); });`;
  return execFileSync(process.execPath, ["--require", preload, "-e", code], { env }).toString();
}

describe("npm run dev's servers listen on HOST", () => {
  it("binds a server that names only its port to HOST (loopback by default in scripts/dev.mjs)", () => {
    expect(addressOf("listen(0)", "127.0.0.1")).toBe("127.0.0.1");
    expect(addressOf("listen({ port: 0 })", "127.0.0.1")).toBe("127.0.0.1");
    expect(addressOf("listen(0, () => {})", "127.0.0.1")).toBe("127.0.0.1");
  });

  it("leaves an address the caller names, and every interface when HOST is empty", () => {
    expect(addressOf('listen(0, "127.0.0.1")', "0.0.0.0")).toBe("127.0.0.1");
    expect(addressOf("listen(0)")).not.toBe("127.0.0.1");
  });
});
