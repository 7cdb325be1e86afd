import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "#scripts/demo/demo-data.server";
import { startEmbeddedDb, type EmbeddedDb } from "../../scripts/lib/embedded-db.mjs";
import { signIn, startApp, type RunningApp, waitFor } from "./harness";

// The app on a database server of this file's own, so the test can stop and restart it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-restart-db-"));
let db: EmbeddedDb;
let app: RunningApp;

beforeAll(async () => {
  db = await startEmbeddedDb({ dataDir, quiet: true });
  app = await startApp({ FLOWDOWN_SCHEDULER: "off" }, { mongoUri: db.uri });
});

afterAll(async () => {
  await app?.stop();
  await db?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("when the database restarts", () => {
  it("answers 503 with a clear page while it is down, serves again once it is back, and never exits", async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
    const cookie = await signIn(app, admin);
    const page = (p: string) => fetch(`${app.baseUrl}${p}`, { headers: { Cookie: cookie } });
    expect((await page("/admin")).status).toBe(200);

    await db.stop();

    const down = await page("/admin/users");
    const html = await down.text();
    expect(down.status).toBe(503);
    expect(html).toContain("Temporarily unavailable");
    expect(html).toContain("The portal cannot reach its database right now.");
    // the driver's words, not "Mongolia" in the page's country names
    expect(html).not.toMatch(/Mongo(?!l)|ECONNREFUSED|\n\s+at /);
    // a data request (client-side navigation with single fetch) and the autosave API say so too
    expect((await page("/admin/users.data")).status).toBe(503);
    const autosave = await fetch(`${app.baseUrl}/api/assessments/000000000000000000000000/answers`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(autosave.status).toBe(503);
    expect(app.process.exitCode).toBeNull();

    db = await startEmbeddedDb({ dataDir, port: db.port, quiet: true });

    await waitFor("the portal to serve again", async () => ((await page("/admin/users")).status === 200 ? true : null));
    const back = await page("/admin/users");
    expect(await back.text()).toContain(admin.email);
    expect(app.process.exitCode).toBeNull();
    expect(app.process.signalCode).toBeNull();
  });
});
