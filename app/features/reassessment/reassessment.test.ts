import { describe, expect, it } from "vitest";
import { addMonthsIso } from "#app/scoring/dates";
import { DEFAULT_POLICY, planReassessment, type SupplierHistory } from "./reassessment";

const NO_PHASES = { phases: [] };
/** the approved assessment of the fixtures was sent a week before its approval on 2026-01-10 */
const SENT_AT = "2026-01-03T09:00:00.000Z";
function history(over: Partial<SupplierHistory> = {}): SupplierHistory {
  return {
    lastApproved: { id: "a1", approvedOn: "2026-01-10", sentAt: SENT_AT, rating: "high" },
    previousRating: null,
    open: null,
    certificates: [],
    incidents: [],
    ...over,
  };
}

describe("re-assessment cadence", () => {
  it("adds calendar months, keeping the day or the month's last day", () => {
    expect(addMonthsIso("2026-01-10", 6)).toBe("2026-07-10");
    expect(addMonthsIso("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsIso("2027-11-30", 3)).toBe("2028-02-29");
  });

  it("follows the last approval's rating: high every 12 months, sent 30 days before", () => {
    const plan = planReassessment(DEFAULT_POLICY, NO_PHASES, history(), "2026-06-01");
    expect(plan).toMatchObject({ state: "scheduled", dueDate: "2027-01-10", sendOn: "2026-12-11", basisId: "a1" });
    expect(plan.reasons[0]).toMatchObject({ kind: "cadence" });
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, history(), "2026-12-11").state).toBe("due");
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, history(), "2027-01-11").state).toBe("overdue");
  });

  it("uses the agreement's months per rating", () => {
    const critical = planReassessment(
      DEFAULT_POLICY,
      NO_PHASES,
      history({ lastApproved: { id: "a1", approvedOn: "2026-01-10", sentAt: SENT_AT, rating: "critical" } }),
      "2026-02-01",
    );
    expect(critical.dueDate).toBe("2026-07-10");
    const low = planReassessment(
      { ...DEFAULT_POLICY, months: { ...DEFAULT_POLICY.months, low: 36 } },
      NO_PHASES,
      history({ lastApproved: { id: "a1", approvedOn: "2026-01-10", sentAt: SENT_AT, rating: "low" } }),
      "2026-02-01",
    );
    expect(low.dueDate).toBe("2029-01-10");
  });

  it("is not planned before a first approval, and follows an open assessment when there is one", () => {
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, history({ lastApproved: null }), "2026-06-01").state).toBe(
      "not-assessed",
    );
    const open = planReassessment(
      DEFAULT_POLICY,
      NO_PHASES,
      history({ open: { id: "a2", dueDate: "2026-06-20", status: "in_progress" } }),
      "2026-06-01",
    );
    expect(open).toMatchObject({ state: "in-progress", openId: "a2", dueDate: "2026-06-20" });
    expect(
      planReassessment(
        DEFAULT_POLICY,
        NO_PHASES,
        history({ open: { id: "a2", dueDate: "2026-05-20", status: "in_progress" } }),
        "2026-06-01",
      ).state,
    ).toBe("overdue");
  });
});

describe("early re-assessment triggers", () => {
  it("a required certificate expiring within 60 days makes it due, with the reason", () => {
    const h = history({
      certificates: [{ standard: "ISO/IEC 27001:2022", certificateNumber: "C-9", expiryDate: "2026-07-15" }],
    });
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, h, "2026-05-01").state).toBe("scheduled");
    const plan = planReassessment(DEFAULT_POLICY, NO_PHASES, h, "2026-05-20");
    expect(plan).toMatchObject({ state: "due", sendOn: "2026-05-16", dueDate: "2026-05-30" });
    expect(plan.reasons.map((r) => r.text).join(" ")).toMatch(/C-9.*expires on 2026-07-15/);
  });

  it("a rating that fell makes it due at the approval", () => {
    const plan = planReassessment(DEFAULT_POLICY, NO_PHASES, history({ previousRating: "medium" }), "2026-01-12");
    expect(plan).toMatchObject({ state: "due", sendOn: "2026-01-10" });
    expect(plan.reasons[0]).toMatchObject({ kind: "rating", text: "the rating fell from medium to high" });
    // a rating that rose does not
    expect(
      planReassessment(DEFAULT_POLICY, NO_PHASES, history({ previousRating: "critical" }), "2026-01-12").state,
    ).toBe("scheduled");
  });

  it("an incident reported after the approval, and a disclosure phase added after it, make it due", () => {
    const inc = planReassessment(
      DEFAULT_POLICY,
      NO_PHASES,
      history({
        incidents: [
          { id: "i1", reportedOn: "2026-03-02", reportedAt: "2026-03-02T08:00:00.000Z" },
          { id: "i0", reportedOn: "2025-12-01", reportedAt: "2025-12-01T08:00:00.000Z" },
        ],
      }),
      "2026-03-02",
    );
    expect(inc).toMatchObject({ state: "due", dueDate: "2026-03-16" });
    expect(inc.reasons.map((r) => r.kind)).toEqual(["incident"]);
    const phase = planReassessment(
      DEFAULT_POLICY,
      {
        phases: [
          { key: "p2", name: "Integration", addedOn: "2026-04-01" },
          { key: "p1", name: "Evaluation", addedOn: "2025-12-01" },
        ],
      },
      history(),
      "2026-04-03",
    );
    expect(phase.reasons[0]).toMatchObject({
      kind: "phase",
      text: 'disclosure phase "Integration" was added on 2026-04-01',
    });
  });

  it("ignores triggers the agreement turned off", () => {
    const off = { ...DEFAULT_POLICY, onIncident: false, onRatingFall: false, certificateDays: 0 };
    const h = history({
      previousRating: "low",
      incidents: [{ id: "i1", reportedOn: "2026-03-02", reportedAt: "2026-03-02T08:00:00.000Z" }],
      certificates: [{ standard: "ISO/IEC 27001:2022", certificateNumber: "C", expiryDate: "2026-03-10" }],
    });
    expect(planReassessment(off, NO_PHASES, h, "2026-03-05").state).toBe("scheduled");
  });
});

describe("a trigger counts once per cause", () => {
  const cert = { standard: "ISO/IEC 27001:2022", certificateNumber: "C-9", expiryDate: "2026-07-15" };

  it("a certificate's expiry makes one re-assessment due; its approval does not make another, a renewal does", () => {
    // the certificate enters its 60-day warning on 2026-05-16 while the approval of 2026-01-10 stands
    const first = planReassessment(DEFAULT_POLICY, NO_PHASES, history({ certificates: [cert] }), "2026-05-20");
    expect(first.state).toBe("due");
    // the re-assessment it caused was sent on 2026-05-16 and approved on 2026-06-01, certificate not yet renewed
    const after = history({
      lastApproved: { id: "a2", approvedOn: "2026-06-01", sentAt: "2026-05-16T10:00:00.000Z", rating: "high" },
      previousRating: "high",
      certificates: [cert],
    });
    for (const today of ["2026-06-01", "2026-06-02", "2026-07-10", "2026-08-01"])
      expect(planReassessment(DEFAULT_POLICY, NO_PHASES, after, today).state, today).toBe("scheduled");
    // renewed: the new expiry is a new cause, in its own time
    const renewed = { ...after, certificates: [{ ...cert, certificateNumber: "C-10", expiryDate: "2027-03-15" }] };
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, renewed, "2027-01-20").reasons[0]).toMatchObject({
      kind: "certificate",
      text: expect.stringContaining("C-10"),
    });
  });

  it("an incident makes one re-assessment due, even when that one is approved on the incident's day", () => {
    const incident = { id: "i1", reportedOn: "2026-03-02", reportedAt: "2026-03-02T08:00:00.000Z" };
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, history({ incidents: [incident] }), "2026-03-02").state).toBe(
      "due",
    );
    // sent at 08:05 because of it, answered and approved the same day
    const after = history({
      lastApproved: { id: "a2", approvedOn: "2026-03-02", sentAt: "2026-03-02T08:05:00.000Z", rating: "high" },
      previousRating: "high",
      incidents: [incident],
    });
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, after, "2026-03-02").state).toBe("scheduled");
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, after, "2026-03-20").state).toBe("scheduled");
  });

  it("an incident reported while an assessment was out, before its approval, still counts: the answers predate it", () => {
    const h = history({
      lastApproved: { id: "a2", approvedOn: "2026-03-10", sentAt: "2026-03-01T09:00:00.000Z", rating: "high" },
      incidents: [{ id: "i1", reportedOn: "2026-03-05", reportedAt: "2026-03-05T12:00:00.000Z" }],
    });
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, h, "2026-03-10")).toMatchObject({ state: "due" });
  });

  it("within the second an assessment was sent, tells a cause known at its approval from one that came after", () => {
    const cert = { standard: "ISO/IEC 27001:2022", certificateNumber: "C-9", expiryDate: "2026-07-15" };
    const sentAt = "2026-06-01T10:00:00.000Z";
    // the re-assessment was sent within the second the certificate was filed, and approved later: answered
    const answered = history({
      lastApproved: {
        id: "a2",
        approvedOn: "2026-06-03",
        sentAt,
        approvedAt: "2026-06-03T09:00:00.000Z",
        rating: "high",
      },
      certificates: [{ ...cert, filedAt: "2026-06-01T10:00:00.400Z" }],
    });
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, answered, "2026-06-03").state).toBe("scheduled");
    // sent, answered and approved within one second, the certificate filed after the approval: it counts
    const after = history({
      lastApproved: {
        id: "a2",
        approvedOn: "2026-06-01",
        sentAt,
        approvedAt: "2026-06-01T10:00:00.300Z",
        rating: "high",
      },
      certificates: [{ ...cert, filedAt: "2026-06-01T10:00:00.700Z" }],
    });
    expect(planReassessment(DEFAULT_POLICY, NO_PHASES, after, "2026-06-01").state).toBe("due");
  });
});
