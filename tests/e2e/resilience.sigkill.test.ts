import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { signIn, startApp, type RunningApp } from "./harness";

// The app and this test share one database: the test arranges the assessment, the app saves the answers.
const db = setupTestDatabase();
const { Assessment } = await import("#models/assessment.server");

const apps: RunningApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
});

// the same secret across restarts, as in production, so the supplier's session survives the crash
const SECRET = crypto.randomBytes(32).toString("hex");
async function start() {
  const app = await startApp(
    { SESSION_SECRET: SECRET, FLOWDOWN_DEMO_DATA: "off", FLOWDOWN_SCHEDULER: "off" },
    { mongoUri: db.uri() },
  );
  apps.push(app);
  return app;
}

describe("an answer acknowledged by autosave", () => {
  it("is there after the app is killed with SIGKILL right after the acknowledgement and started again", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    let app = await start();
    const cookie = await signIn(app, w.supplierUser);
    const save = (baseRevision: number, changes: Record<string, unknown>) =>
      fetch(`${app.baseUrl}/api/assessments/${id}/answers`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ baseRevision, changes }),
      });

    const names = ["Tier One Hosting GmbH", "Tier One Hosting AG", "Tier One Hosting SE"];
    for (const [i, name] of names.entries()) {
      const res = await save(i, { orgLegalName: name, securityContactName: `Contact ${i}` });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ revision: i + 1 });
    }
    // killed the moment the last save is acknowledged: nothing may be left to flush
    const killed = new Promise((r) => app.process.once("exit", r));
    app.process.kill("SIGKILL");
    await killed;
    expect(app.process.signalCode).toBe("SIGKILL");

    const stored = await Assessment.findById(id).lean();
    expect(stored).toMatchObject({
      revision: 3,
      status: "in_progress",
      answers: { orgLegalName: "Tier One Hosting SE", securityContactName: "Contact 2" },
    });

    app = await start();
    // the restarted app serves the saved answers to the same session and takes the next save on top of them
    const page = await fetch(`${app.baseUrl}/supplier/assessments/${id}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Tier One Hosting SE");
    const next = await save(3, { securityContactName: "Contact 3" });
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ revision: 4 });
    const stale = await save(2, { securityContactName: "stale" });
    expect(stale.status).toBe(409);
  });
});
