import { describe, expect, it } from "vitest";
import { AutosaveQueue, type SaveResponse, type SaveState } from "./autosave";

/** A manual clock: timers run only when the test says so. */
function manualTimers() {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    async fireAll() {
      const all = [...timers.entries()];
      timers.clear();
      for (const [, t] of all) t.fn();
      await new Promise((r) => setTimeout(r, 0));
    },
    delays: () => [...timers.values()].map((t) => t.ms),
  };
}

function setup(responses: (SaveResponse | Error)[]) {
  const sent: { baseRevision: number; changes: Record<string, unknown> }[] = [];
  const states: SaveState[] = [];
  const conflicts: { answers: Record<string, unknown>; revision: number }[] = [];
  let backup: { baseRevision: number; pending: Record<string, unknown> } | null = null;
  const timers = manualTimers();
  const queue = new AutosaveQueue({
    revision: 3,
    send: async (body) => {
      sent.push(JSON.parse(JSON.stringify(body)));
      const r = responses.shift();
      if (!r || r instanceof Error) throw r ?? new Error("no response scripted");
      return r;
    },
    onState: (s) => states.push(s),
    onConflict: (answers, revision) => conflicts.push({ answers, revision }),
    backup: {
      read: () => backup,
      write: (v) => (backup = JSON.parse(JSON.stringify(v))),
      clear: () => (backup = null),
    },
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { queue, sent, states, conflicts, timers, backup: () => backup };
}

describe("autosave", () => {
  it("sends the answers typed during a pause together, with the revision they were based on", async () => {
    const t = setup([{ status: 200, body: { revision: 4 } }]);
    t.queue.change("q1", "a");
    t.queue.change("q2", true);
    t.queue.change("q1", "ab");
    expect(t.sent).toHaveLength(0);
    await t.timers.fireAll();
    expect(t.sent).toEqual([{ baseRevision: 3, changes: { q1: "ab", q2: true } }]);
    expect(t.queue.revision).toBe(4);
    expect(t.queue.hasPending()).toBe(false);
    expect(t.states.at(-1)).toBe("saved");
    expect(t.backup()).toBeNull();
  });

  it("keeps a change typed while a save is in flight and sends it next, on the new revision", async () => {
    let release!: (r: SaveResponse) => void;
    const t = setup([]);
    const sent: unknown[] = [];
    const queue = new AutosaveQueue({
      revision: 1,
      send: (body) => {
        sent.push(JSON.parse(JSON.stringify(body)));
        return new Promise((r) => (release = r));
      },
      onState: () => {},
      onConflict: () => {},
      setTimer: t.timers.setTimer,
      clearTimer: t.timers.clearTimer,
    });
    queue.change("q1", "x");
    await t.timers.fireAll();
    queue.change("q1", "xy");
    release({ status: 200, body: { revision: 2 } });
    await new Promise((r) => setTimeout(r, 0));
    await t.timers.fireAll();
    release({ status: 200, body: { revision: 3 } });
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([
      { baseRevision: 1, changes: { q1: "x" } },
      { baseRevision: 2, changes: { q1: "xy" } },
    ]);
    expect(queue.hasPending()).toBe(false);
  });

  it("keeps answers through a network failure, says offline, and retries with growing pauses", async () => {
    const t = setup([new Error("network down"), new Error("network down"), { status: 200, body: { revision: 4 } }]);
    t.queue.change("q1", "kept");
    await t.timers.fireAll();
    expect(t.states.at(-1)).toBe("offline");
    expect(t.queue.pendingChanges()).toEqual({ q1: "kept" });
    expect(t.backup()).toEqual({ baseRevision: 3, pending: { q1: "kept" } });
    expect(t.timers.delays()).toEqual([1000]);
    await t.timers.fireAll();
    expect(t.timers.delays()).toEqual([2000]);
    await t.timers.fireAll();
    expect(t.sent.map((s) => s.changes)).toEqual([{ q1: "kept" }, { q1: "kept" }, { q1: "kept" }]);
    expect(t.states.at(-1)).toBe("saved");
    expect(t.backup()).toBeNull();
  });

  it("treats a server error like being offline: nothing is dropped", async () => {
    const t = setup([
      { status: 503, body: { error: "db restarting" } },
      { status: 200, body: { revision: 9 } },
    ]);
    t.queue.change("q1", 1);
    await t.timers.fireAll();
    expect(t.states.at(-1)).toBe("offline");
    await t.timers.fireAll();
    expect(t.queue.revision).toBe(9);
  });

  it("on a stale save shows the newer answers and does not resend the refused change", async () => {
    const t = setup([
      { status: 409, body: { conflict: true, revision: 7, answers: { q1: "theirs" }, error: "changed elsewhere" } },
    ]);
    t.queue.change("q1", "mine");
    await t.timers.fireAll();
    expect(t.conflicts).toEqual([{ answers: { q1: "theirs" }, revision: 7 }]);
    expect(t.states.at(-1)).toBe("conflict");
    expect(t.queue.revision).toBe(7);
    expect(t.queue.hasPending()).toBe(false);
    await t.timers.fireAll();
    expect(t.sent).toHaveLength(1);
  });

  it("stops after the questionnaire was submitted elsewhere", async () => {
    const t = setup([{ status: 409, body: { error: "submitted" } }]);
    t.queue.change("q1", "late");
    await t.timers.fireAll();
    expect(t.states.at(-1)).toBe("closed");
    t.queue.change("q1", "later");
    await t.timers.fireAll();
    expect(t.sent).toHaveLength(1);
  });

  it("flushNow sends at once and resolves when the answers are acknowledged", async () => {
    const t = setup([{ status: 200, body: { revision: 4 } }]);
    t.queue.change("q1", "now");
    await t.queue.flushNow();
    expect(t.sent).toHaveLength(1);
    expect(t.queue.hasPending()).toBe(false);
  });
});
