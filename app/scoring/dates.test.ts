import { describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso, compareDates, daysBetween, isIsoDate, isoDateOf } from "./dates";

describe("calendar dates", () => {
  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(["2026-02-28", "2028-02-29", "2000-02-29"].every(isIsoDate)).toBe(true);
    for (const bad of [
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-1-01",
      "2026-01-01T00:00",
      20260101,
    ])
      expect(isIsoDate(bad), String(bad)).toBe(false);
  });

  it("takes the UTC date of an instant it is given", () => {
    expect(isoDateOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12-31");
    expect(isoDateOf(new Date("2027-01-01T00:30:00+01:00"))).toBe("2026-12-31");
  });

  it("adds days and months across month and year ends", () => {
    expect(addDaysIso("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysIso("2028-03-01", -1)).toBe("2028-02-29");
    expect(addMonthsIso("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsIso("2026-03-15", -3)).toBe("2025-12-15");
  });

  it("counts whole days between dates and orders them", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-03-01", "2026-02-01")).toBe(-28);
    expect(compareDates("2026-01-02", "2026-01-10")).toBeLessThan(0);
    expect(compareDates("2026-01-10", "2026-01-10")).toBe(0);
  });
});
