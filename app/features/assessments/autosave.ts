/**
 * The browser side of autosave, without the browser: collects changed
 * answers, sends them after a pause in typing, and keeps every change that
 * was not acknowledged. Timers, transport and storage are injected so the
 * behaviour is tested in plain unit tests.
 */

export type SaveState =
  | "idle"
  | "pending"
  | "saving"
  | "saved"
  | "offline"
  | "conflict"
  | "rejected"
  | "closed"
  | "signed-out";

export interface SaveResponse {
  status: number;
  body: {
    revision?: number;
    error?: string;
    errors?: string[];
    conflict?: boolean;
    answers?: Record<string, unknown>;
  };
}

export interface BackupStore {
  read(): { baseRevision: number; pending: Record<string, unknown> } | null;
  write(value: { baseRevision: number; pending: Record<string, unknown> }): void;
  clear(): void;
}

export interface AutosaveOptions {
  revision: number;
  send: (body: { baseRevision: number; changes: Record<string, unknown> }) => Promise<SaveResponse>;
  onState: (state: SaveState, message?: string) => void;
  /** the server refused a stale save: show these newer answers */
  onConflict: (answers: Record<string, unknown>, revision: number, message: string) => void;
  backup?: BackupStore;
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const RETRY_STEPS_MS = [1000, 2000, 5000, 10000, 30000];

export class AutosaveQueue {
  revision: number;
  private pending: Record<string, unknown> = {};
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private failures = 0;
  private stopped = false;
  private readonly opts: Required<Pick<AutosaveOptions, "debounceMs" | "setTimer" | "clearTimer">> & AutosaveOptions;

  constructor(opts: AutosaveOptions) {
    this.revision = opts.revision;
    this.opts = {
      debounceMs: 800,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...opts,
    };
  }

  hasPending(): boolean {
    return Object.keys(this.pending).length > 0 || this.inFlight !== null;
  }

  /** Answers typed but not yet acknowledged (for a backup or a warning on leaving). */
  pendingChanges(): Record<string, unknown> {
    return { ...this.pending };
  }

  change(name: string, value: unknown): void {
    if (this.stopped) return;
    this.pending[name] = value === undefined ? null : value;
    this.opts.backup?.write({ baseRevision: this.revision, pending: this.pending });
    this.opts.onState("pending");
    this.schedule(this.opts.debounceMs);
  }

  /** Sends whatever is pending now and resolves when nothing is left in flight. */
  async flushNow(): Promise<void> {
    if (this.timer !== null) {
      this.opts.clearTimer(this.timer);
      this.timer = null;
    }
    while (!this.stopped && (this.inFlight || Object.keys(this.pending).length > 0)) {
      if (this.inFlight) await this.inFlight;
      else await this.sendOnce();
      if (this.failures > 0) return;
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.opts.clearTimer(this.timer);
  }

  private schedule(ms: number) {
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      void this.sendOnce();
    }, ms);
  }

  private sendOnce(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const changes = { ...this.pending };
    if (Object.keys(changes).length === 0) return Promise.resolve();
    this.opts.onState("saving");
    this.inFlight = this.opts
      .send({ baseRevision: this.revision, changes })
      .then(
        (res) => this.handle(res, changes),
        () => this.handleOffline(),
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private acknowledge(changes: Record<string, unknown>) {
    for (const [k, v] of Object.entries(changes)) if (this.pending[k] === v) delete this.pending[k];
    if (Object.keys(this.pending).length === 0) this.opts.backup?.clear();
    else this.opts.backup?.write({ baseRevision: this.revision, pending: this.pending });
  }

  private handle(res: SaveResponse, changes: Record<string, unknown>) {
    if (res.status === 200 && typeof res.body.revision === "number") {
      this.failures = 0;
      this.revision = res.body.revision;
      this.acknowledge(changes);
      if (Object.keys(this.pending).length > 0) this.schedule(0);
      else this.opts.onState("saved");
      return;
    }
    if (res.status === 409 && res.body.conflict) {
      this.failures = 0;
      this.pending = {};
      this.opts.backup?.clear();
      this.revision = res.body.revision ?? this.revision;
      this.opts.onConflict(res.body.answers ?? {}, this.revision, res.body.error ?? "The answers changed elsewhere.");
      this.opts.onState("conflict", res.body.error);
      return;
    }
    if (res.status === 409) {
      this.pending = {};
      this.opts.backup?.clear();
      this.stop();
      this.opts.onState("closed", res.body.error);
      return;
    }
    if (res.status === 401) {
      this.failures++;
      this.opts.onState("signed-out", res.body.error);
      return;
    }
    if (res.status >= 400 && res.status < 500) {
      // the server will never accept these values: drop them and say why
      this.failures = 0;
      this.acknowledge(changes);
      this.opts.onState("rejected", res.body.error ?? "An answer was refused.");
      return;
    }
    this.handleOffline();
  }

  private handleOffline() {
    this.failures++;
    this.opts.onState("offline");
    const wait = RETRY_STEPS_MS[Math.min(this.failures - 1, RETRY_STEPS_MS.length - 1)];
    this.schedule(wait);
  }
}
