/**
 * A fixed-window counter per key, in this process's memory: each key may
 * make `max` calls per window of `windowMs`. Several instances each count
 * on their own (a client can make `max` calls per instance); the windows of
 * keys not seen for a window are dropped as new ones arrive.
 */
export class FixedWindow {
  private readonly windows = new Map<string, { start: number; count: number }>();

  readonly max: number;
  readonly windowMs: number;

  constructor(max: number, windowMs: number) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Counts a call; null when it is allowed, else the whole seconds until the window ends. */
  hit(key: string, now = Date.now()): number | null {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= 10_000) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.max) return null;
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
  }

  private sweep(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
