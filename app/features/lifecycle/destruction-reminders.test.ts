import { describe, expect, it } from "vitest";
import { destructionStagesDue, ownCertificationDone } from "./destruction-reminders.server";

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

describe("destructionStagesDue", () => {
  it("reminds from three days before the due date until it has ended everywhere", () => {
    expect(destructionStagesDue("2030-03-31", at("2030-03-27"))).toEqual([]);
    expect(destructionStagesDue("2030-03-31", at("2030-03-28"))).toEqual(["due-soon"]);
    expect(destructionStagesDue("2030-03-31", at("2030-03-31"))).toEqual(["due-soon"]);
    // 1 April 11:00 UTC is still 31 March at UTC−12: not overdue yet
    expect(destructionStagesDue("2030-03-31", at("2030-04-01", 11))).toEqual(["due-soon"]);
  });

  it("is overdue from the first day after the due date, and escalates on the seventh", () => {
    expect(destructionStagesDue("2030-03-31", at("2030-04-01"))).toEqual(["overdue"]);
    expect(destructionStagesDue("2030-03-31", at("2030-04-06"))).toEqual(["overdue"]);
    expect(destructionStagesDue("2030-03-31", at("2030-04-07"))).toEqual(["overdue", "escalated"]);
  });
});

describe("ownCertificationDone", () => {
  const certification = { certificateFileId: null } as never;
  it("needs the certificate file only where the agreement requires one", () => {
    expect(ownCertificationDone({ certification: null, certificateRequired: false })).toBe(false);
    expect(ownCertificationDone({ certification, certificateRequired: false })).toBe(true);
    expect(ownCertificationDone({ certification, certificateRequired: true })).toBe(false);
  });
});
