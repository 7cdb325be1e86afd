import { describe, expect, it } from "vitest";
import { FixedWindow } from "./fixed-window.server";

describe("fixed window", () => {
  it("allows max calls per window per key, then says how long to wait", () => {
    const w = new FixedWindow(3, 60_000);
    expect([w.hit("a", 0), w.hit("a", 1), w.hit("a", 2)]).toEqual([null, null, null]);
    expect(w.hit("a", 10_000)).toBe(50);
    expect(w.hit("b", 10_000)).toBeNull();
    expect(w.hit("a", 60_000)).toBeNull();
  });
});
