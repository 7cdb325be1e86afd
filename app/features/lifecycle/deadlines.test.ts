import { describe, expect, it } from "vitest";
import {
  checkAuditNotice,
  checkAuditsPerYear,
  daysLeft,
  daysOverdue,
  deadlineInstant,
  destructionDueDate,
  lastPlaceDate,
  lifecycleState,
  measureCompelledNotice,
  survivalEnds,
} from "./deadlines";

describe("return-or-destroy deadlines", () => {
  it("counts calendar days across month and year ends", () => {
    expect(destructionDueDate("2026-01-31", 30)).toBe("2026-03-02");
    expect(destructionDueDate("2028-02-15", 15)).toBe("2028-03-01"); // leap year: 29 February counts
    expect(destructionDueDate("2026-12-20", 14)).toBe("2027-01-03");
    expect(destructionDueDate("2026-06-30", 0)).toBe("2026-06-30");
  });

  it("gives every time zone the whole due date", () => {
    // 23:30 in Honolulu (UTC−10) on the due date is 09:30 UTC the next day: not yet overdue
    expect(daysOverdue("2026-03-02", new Date("2026-03-03T09:30:00Z"))).toBe(0);
    // the due date has ended at UTC−12 at noon UTC the next day
    expect(deadlineInstant("2026-03-02").toISOString()).toBe("2026-03-03T12:00:00.000Z");
    expect(daysOverdue("2026-03-02", new Date("2026-03-03T11:59:59Z"))).toBe(0);
    expect(daysOverdue("2026-03-02", new Date("2026-03-03T12:00:00Z"))).toBe(1);
    // Auckland (UTC+13) is on 4 March already at 11:00 UTC on 3 March, still not overdue for the holder in Honolulu
    expect(lastPlaceDate(new Date("2026-03-03T11:00:00Z"))).toBe("2026-03-02");
    expect(daysOverdue("2026-03-02", new Date("2026-03-12T13:00:00Z"))).toBe(10);
  });

  it("counts days left down to the due date", () => {
    expect(daysLeft("2026-03-02", new Date("2026-02-27T15:00:00Z"))).toBe(3);
    expect(daysLeft("2026-03-02", new Date("2026-03-05T15:00:00Z"))).toBe(-3);
  });
});

describe("survival", () => {
  it("runs calendar months from the end, clamping to the month's last day", () => {
    expect(survivalEnds("2026-08-31", 6)).toBe("2027-02-28");
    expect(survivalEnds("2027-08-31", 6)).toBe("2028-02-29");
    expect(survivalEnds("2026-12-06", 60)).toBe("2031-12-06");
    expect(survivalEnds("2026-12-06", 0)).toBe("2026-12-06");
  });

  it("is active, then in survival, then archived", () => {
    expect(lifecycleState(null, "2030-01-01")).toBe("active");
    const end = { survivalEnds: "2027-02-28" };
    expect(lifecycleState(end, "2026-09-01")).toBe("in-survival");
    expect(lifecycleState(end, "2027-02-27")).toBe("in-survival");
    expect(lifecycleState(end, "2027-02-28")).toBe("archived");
    expect(lifecycleState({ survivalEnds: "2026-12-06" }, "2026-12-06")).toBe("archived");
  });
});

describe("audit rights", () => {
  it("checks the notice period in calendar days", () => {
    expect(checkAuditNotice("2026-12-06", "2027-01-05", 30)).toEqual({ ok: true, noticeDays: 30 });
    expect(checkAuditNotice("2026-12-06", "2027-01-04", 30)).toEqual({
      ok: false,
      noticeDays: 29,
      earliest: "2027-01-05",
    });
    expect(checkAuditNotice("2026-12-06", "2026-12-06", 30, true)).toEqual({ ok: true, noticeDays: 0 });
    expect(checkAuditNotice("2026-12-06", "2026-12-05", 0).ok).toBe(false);
  });

  it("allows the yearly number in any twelve months, not per calendar year", () => {
    expect(checkAuditsPerYear([], "2027-01-01", 1)).toEqual({ ok: true });
    expect(checkAuditsPerYear(["2026-12-31"], "2027-01-01", 1)).toEqual({
      ok: false,
      windowStart: "2026-12-31",
      windowEnd: "2027-12-30",
      inWindow: ["2026-12-31"],
    });
    expect(checkAuditsPerYear(["2026-01-15"], "2027-01-15", 1)).toEqual({ ok: true });
    expect(checkAuditsPerYear(["2026-01-15"], "2027-01-14", 1).ok).toBe(false);
    // an audit booked later in the year counts too
    expect(checkAuditsPerYear(["2027-06-01"], "2027-01-10", 1).ok).toBe(false);
    expect(checkAuditsPerYear(["2026-03-01", "2026-09-01"], "2027-02-01", 2).ok).toBe(false);
    expect(checkAuditsPerYear(["2026-03-01", "2026-09-01"], "2027-03-01", 2)).toEqual({ ok: true });
    expect(checkAuditsPerYear([], "2027-01-01", 0).ok).toBe(false);
  });
});

describe("compelled-disclosure notice", () => {
  const base = {
    receivedOn: "2026-12-01",
    reportedAt: new Date("2026-12-02T09:00:00Z"),
    complyBy: "2026-12-12",
    noticePermitted: true,
    notifyBeforeDisclosure: true,
    requiredDays: 5,
  };
  it("measures the days the disclosing party has to act", () => {
    expect(measureCompelledNotice(base)).toEqual({
      reportDelayDays: 1,
      noticeDays: 10,
      requiredDays: 5,
      verdict: "sufficient",
    });
    expect(measureCompelledNotice({ ...base, complyBy: "2026-12-05" }).verdict).toBe("short");
    expect(measureCompelledNotice({ ...base, complyBy: "2026-12-02" }).verdict).toBe("too-late");
  });
  it("records notice barred by law rather than measuring it", () => {
    expect(measureCompelledNotice({ ...base, complyBy: "2026-12-02", noticePermitted: false }).verdict).toBe("barred");
    expect(measureCompelledNotice({ ...base, notifyBeforeDisclosure: false }).verdict).toBe("not-required");
  });
});
