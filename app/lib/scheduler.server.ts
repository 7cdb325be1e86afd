import crypto from "node:crypto";
import os from "node:os";
import { JobRun } from "#models/job-run.server";
import { z } from "zod";
import { isDuplicateKey } from "#models/duplicate-key";

/**
 * Scheduled work when several app instances share one database. No
 * transactions (FerretDB), so a job's run for a period is claimed by
 * inserting { jobKey, periodKey } under a unique index: exactly one insert
 * wins, the others see a duplicate key and skip.
 *
 * A claim is never released by itself: if an instance dies mid-run, that
 * period stays "running" and is not run again, unless the caller passes
 * staleAfterMs (longer than the job can take) so another instance may take
 * it over. Likewise a failed run is retried only with retryFailed.
 */

const Key = z.string().min(1).max(200);
const Options = z
  .object({ staleAfterMs: z.number().int().positive().optional(), retryFailed: z.boolean().optional() })
  .optional();
export type RunOptions = z.infer<typeof Options>;

export type RunResult<T> = { ran: true; result: T } | { ran: false };

function newOwner(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
}

async function insertClaim(claim: {
  jobKey: string;
  periodKey: string;
  owner: string;
  now: Date;
  attempts: number;
}): Promise<boolean> {
  try {
    await JobRun.create({
      jobKey: claim.jobKey,
      periodKey: claim.periodKey,
      status: "running",
      owner: claim.owner,
      startedAt: claim.now,
      attempts: claim.attempts,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

async function claim(jobKey: string, periodKey: string, owner: string, options: RunOptions): Promise<boolean> {
  const now = new Date();
  if (await insertClaim({ jobKey, periodKey, owner, now, attempts: 1 })) return true;
  if (!options?.retryFailed && !options?.staleAfterMs) return false;
  const latest = await JobRun.findOne({ jobKey, periodKey }, { _id: 1, attempts: 1, status: 1, startedAt: 1 })
    .sort({ attempts: -1 })
    .lean();
  if (!latest) return false;
  const failed = Boolean(options?.retryFailed) && latest.status === "failed";
  const stale =
    Boolean(options?.staleAfterMs) &&
    latest.status === "running" &&
    latest.startedAt < new Date(now.getTime() - options!.staleAfterMs!);
  if (!failed && !stale) return false;
  // No conditional update (FerretDB v1 lets several concurrent ones match): the next
  // attempt is a new document, and its unique key lets exactly one caller make it.
  return insertClaim({ jobKey, periodKey, owner, now, attempts: (latest.attempts ?? 1) + 1 });
}

/**
 * Runs `fn` once for (jobKey, periodKey) across all instances, e.g.
 * runExclusively(`reminder:${assessmentId}`, "2026-12-01", send).
 * { ran: false } when another call has it (or had it). An error from fn is
 * recorded on the run and thrown again.
 */
export async function runExclusively<T>(
  jobKey: string,
  periodKey: string,
  fn: () => Promise<T>,
  options?: RunOptions,
): Promise<RunResult<T>> {
  Key.parse(jobKey);
  Key.parse(periodKey);
  const opts = Options.parse(options);
  const owner = newOwner();
  if (!(await claim(jobKey, periodKey, owner, opts))) return { ran: false };
  try {
    const result = await fn();
    await JobRun.updateOne({ jobKey, periodKey, owner }, { $set: { status: "done", finishedAt: new Date() } });
    return { ran: true, result };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await JobRun.updateOne(
      { jobKey, periodKey, owner },
      { $set: { status: "failed", finishedAt: new Date(), error: message } },
    ).catch(() => {});
    throw error;
  }
}

/**
 * Calls fn every `ms` on a timer that does not keep the process alive.
 * A tick is skipped while the previous call is still running; errors are
 * logged, never thrown (an unhandled rejection would end the server).
 * Stop it with clearInterval.
 */
export function startInterval(name: string, ms: number, fn: () => unknown): NodeJS.Timeout {
  z.string().min(1).parse(name);
  z.number().int().positive().parse(ms);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    Promise.resolve()
      .then(fn)
      .catch((error: unknown) =>
        console.error(`[job ${name}] failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        busy = false;
      });
  }, ms);
  timer.unref();
  return timer;
}
