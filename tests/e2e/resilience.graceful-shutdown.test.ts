import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { freePort, projectRoot } from "../../scripts/lib/embedded-db.mjs";
import { waitFor } from "./harness";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-shutdown-"));
let start: ChildProcess | null = null;

afterAll(() => {
  if (start && start.exitCode === null && start.signalCode === null) start.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start on SIGTERM", () => {
  it("stops taking connections, finishes the request in flight against the database, then stops the app and the embedded database", async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      FLOWDOWN_DATA_DIR: dataDir,
      FLOWDOWN_SCHEDULER: "off",
      FLOWDOWN_DEMO_DATA: "auto",
      NODE_ENV: "production",
    };
    delete env.MONGODB_URI;
    let output = "";
    start = spawn(process.execPath, [path.join(projectRoot, "scripts/start.mjs")], {
      cwd: projectRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    start.stdout!.on("data", (d) => (output += d));
    start.stderr!.on("data", (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      start!.once("exit", (code, signal) => resolve({ code, signal })),
    );
    await waitFor(
      "the portal to answer",
      async () => ((await fetch(`http://127.0.0.1:${port}/login`)).status === 200 ? true : null),
      { everyMs: 100 },
    );
    const ferretdbPid = (JSON.parse(fs.readFileSync(path.join(dataDir, "ferretdb.pid"), "utf8")) as { pid: number })
      .pid;

    // A sign-in whose body is still arriving: the server has its headers (it answered 100 Continue) but not the rest.
    const supplier = DEMO_ACCOUNTS.find((a) => a.role === "supplier")!;
    const body = new URLSearchParams({ email: supplier.email, password: supplier.password }).toString();
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/login",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Expect: "100-continue",
      },
    });
    const response = new Promise<http.IncomingMessage>((resolve, reject) => {
      req.once("response", resolve);
      req.once("error", reject);
    });
    await new Promise<void>((resolve) => req.once("continue", resolve));
    req.write(body.slice(0, 10));

    start.kill("SIGTERM");
    await waitFor(
      "the portal to stop taking connections",
      async () => ((await refusesConnections(port)) ? true : null),
      { everyMs: 100 },
    );
    expect(start.exitCode).toBeNull();

    req.end(body.slice(10));
    const res = await response;
    res.resume();
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/supplier");
    expect(res.headers["set-cookie"]?.[0]).toMatch(/^__flowdown=/);

    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(processAlive(ferretdbPid)).toBe(false);
    expect(output).not.toMatch(/Error|\n\s+at /);
  });
});
