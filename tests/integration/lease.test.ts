import mongoose from "mongoose";
import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";

setupTestDatabase();

const { runExclusively, startInterval } = await import("#app/lib/scheduler.server");
const { JobRun } = await import("#models/job-run.server");

const jobKeys: string[] = [];
function jobKey(name = "reminder") {
  const key = `${name}:${crypto.randomBytes(6).toString("hex")}`;
  jobKeys.push(key);
  return key;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await JobRun.deleteMany({ jobKey: mongoose.trusted({ $in: jobKeys.splice(0) }) });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runExclusively", () => {
  it("is backed by a unique index built at start-up", async () => {
    const indexes = await JobRun.collection.indexes();
    expect(indexes.find((i) => i.key.jobKey === 1 && i.key.periodKey === 1)?.unique).toBe(true);
  });

  it("runs the job once when ten callers race for the same period", async () => {
    const key = jobKey();
    const fn = vi.fn(async () => {
      await sleep(20);
      return "sent";
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => runExclusively(key, "2026-12-01", fn)));
    expect(fn).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, result: "sent" }]);
    const row = await JobRun.findOne({ jobKey: key, periodKey: "2026-12-01" }).lean();
    expect(row).toMatchObject({ status: "done", attempts: 1, error: null });
    expect(row!.finishedAt).toBeInstanceOf(Date);
    // and a later call for the same period does not run it again
    expect(await runExclusively(key, "2026-12-01", fn)).toEqual({ ran: false });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("runs once per period key", async () => {
    const key = jobKey();
    const fn = vi.fn(async () => "ok");
    const [a, b] = await Promise.all([runExclusively(key, "2026-12-01", fn), runExclusively(key, "2026-12-02", fn)]);
    expect(a.ran && b.ran).toBe(true);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("records a failure and rethrows it; the period is retried only when the caller asks", async () => {
    const key = jobKey();
    await expect(runExclusively(key, "p1", () => Promise.reject(new Error("SMTP down")))).rejects.toThrow("SMTP down");
    expect(await JobRun.findOne({ jobKey: key }).lean()).toMatchObject({ status: "failed", error: "SMTP down" });

    const fn = vi.fn(async () => 1);
    expect(await runExclusively(key, "p1", fn)).toEqual({ ran: false });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => runExclusively(key, "p1", fn, { retryFailed: true })),
    );
    expect(fn).toHaveBeenCalledTimes(1);
    expect(retries.filter((r) => r.ran)).toHaveLength(1);
    expect(await JobRun.findOne({ jobKey: key }).sort({ attempts: -1 }).lean()).toMatchObject({
      status: "done",
      attempts: 2,
      error: null,
    });
  });

  it("lets one instance take over a run whose owner died, once it is older than staleAfterMs", async () => {
    const key = jobKey();
    await JobRun.create({
      jobKey: key,
      periodKey: "p1",
      status: "running",
      owner: "dead-host:1:x",
      startedAt: new Date(Date.now() - 60 * 60 * 1000),
    });
    await JobRun.create({
      jobKey: key,
      periodKey: "p2",
      status: "running",
      owner: "busy-host:1:x",
      startedAt: new Date(),
    });
    const fn = vi.fn(async () => "ok");

    expect(await runExclusively(key, "p1", fn)).toEqual({ ran: false });
    const takeovers = await Promise.all(
      Array.from({ length: 5 }, () => runExclusively(key, "p1", fn, { staleAfterMs: 10 * 60 * 1000 })),
    );
    expect(takeovers.filter((r) => r.ran)).toHaveLength(1);
    expect(await runExclusively(key, "p2", fn, { staleAfterMs: 10 * 60 * 1000 })).toEqual({ ran: false });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("refuses empty keys", async () => {
    await expect(runExclusively("", "p", async () => 1)).rejects.toThrow();
    await expect(runExclusively("job", "", async () => 1)).rejects.toThrow();
  });
});

describe("startInterval", () => {
  it("keeps running after a failing tick, logs the error, never overlaps, and does not hold the process open", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    let active = 0;
    let maxActive = 0;
    const timer = startInterval("test-job", 5, async () => {
      calls++;
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(30);
      active--;
      if (calls === 1) throw new Error("first tick fails");
    });
    try {
      expect(timer.hasRef()).toBe(false);
      await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(3), { timeout: 2000, interval: 10 });
    } finally {
      clearInterval(timer);
    }
    expect(maxActive).toBe(1);
    expect(error).toHaveBeenCalledWith("[job test-job] failed: first tick fails");
  });
});
