import { describe, expect, it } from "vitest";
import { capByFinding, findingState, strongestFindings } from "./audit-rules";

describe("an open audit finding's hold on a verdict", () => {
  it("makes a major finding's requirement not met and a minor one's at most partially met", () => {
    expect(capByFinding("met", "major")).toBe("not_met");
    expect(capByFinding("partially_met", "major")).toBe("not_met");
    expect(capByFinding("met", "minor")).toBe("partially_met");
    expect(capByFinding("partially_met", "minor")).toBe("partially_met");
  });

  it("never lifts a worse result", () => {
    expect(capByFinding("not_met", "minor")).toBe("not_met");
    expect(capByFinding("not_answered", "major")).toBe("not_answered");
    expect(capByFinding("not_answered", "minor")).toBe("not_answered");
  });

  it("lets a major finding win over a minor one on the same requirement, in any order", () => {
    const found = strongestFindings([
      { requirementId: "FD-ENC-01", severity: "minor" },
      { requirementId: "FD-ENC-01", severity: "major" },
      { requirementId: "FD-ENC-01", severity: "minor" },
      { requirementId: "FD-ACC-02", severity: "minor" },
    ]);
    expect(Object.fromEntries(found)).toEqual({ "FD-ENC-01": "major", "FD-ACC-02": "minor" });
  });
});

describe("a finding's state", () => {
  it("is overdue only once its due date has ended everywhere on earth, and never when closed", () => {
    // 2027-03-10 ends everywhere at 2027-03-11 12:00 UTC
    expect(findingState({ status: "open", dueDate: "2027-03-10" }, new Date("2027-03-11T11:59:00Z"))).toBe("open");
    expect(findingState({ status: "open", dueDate: "2027-03-10" }, new Date("2027-03-11T12:00:00Z"))).toBe("overdue");
    expect(findingState({ status: "closed", dueDate: "2027-03-10" }, new Date("2027-04-01T00:00:00Z"))).toBe("closed");
  });
});
