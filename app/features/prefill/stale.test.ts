import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "#app/features/reassessment/reassessment";
import { cadenceMonths, isStale } from "./stale";

describe("a pre-filled answer is stale when older than the agreement's cadence", () => {
  it("takes the cadence of the supplier's last approved rating", () => {
    expect(cadenceMonths(DEFAULT_POLICY, "low")).toBe(24);
    expect(cadenceMonths(DEFAULT_POLICY, "high")).toBe(12);
  });

  it("holds a supplier not yet rated to the policy's shortest cadence", () => {
    expect(cadenceMonths(DEFAULT_POLICY, null)).toBe(6);
    expect(cadenceMonths({ months: { critical: 9, high: 3, medium: 18, low: 24 } }, null)).toBe(3);
  });

  it("is fresh up to the day the cadence ends and stale the day after", () => {
    expect(isStale(new Date("2026-01-15T10:00:00Z"), 6, "2026-07-15")).toBe(false);
    expect(isStale(new Date("2026-01-15T10:00:00Z"), 6, "2026-07-16")).toBe(true);
    expect(isStale("2025-12-06T00:00:00.000Z", 12, "2026-12-06")).toBe(false);
    expect(isStale("2024-12-06T00:00:00.000Z", 12, "2026-12-06")).toBe(true);
  });
});
