import { describe, expect, it } from "vitest";
import { measureIncident, upstreamNotices } from "./incident-timing";

describe("incident notification timing along the chain", () => {
  const base = {
    breachWindowHours: 72,
    recipientNotifyHours: 24,
    path: ["tier2", "tier1"],
    notifyHours: { tier2: 12, tier1: 24 },
  };

  it("measures the reporter's delay against its commitment and projects the notice to the disclosing party", () => {
    const t = measureIncident({
      ...base,
      detectedAt: "2026-05-01T08:00:00.000Z",
      reportedAt: "2026-05-01T18:00:00.000Z",
    });
    expect(t).toMatchObject({
      delayHours: 10,
      committedHours: 12,
      withinCommitment: true,
      upstreamHours: 48,
      onTrack: true,
      marginHours: 14,
    });
    expect(t.discloserDeadline).toBe("2026-05-04T08:00:00.000Z");
    expect(t.projectedNotice).toBe("2026-05-03T18:00:00.000Z");
  });

  it("says when the reporter was late and the window can no longer be kept", () => {
    const t = measureIncident({
      ...base,
      detectedAt: "2026-05-01T08:00:00.000Z",
      reportedAt: "2026-05-02T20:00:00.000Z",
    });
    expect(t).toMatchObject({ delayHours: 36, withinCommitment: false, onTrack: false, marginHours: -12 });
  });

  it("cannot project the notice when a link above has not said how fast it notifies", () => {
    const t = measureIncident({
      ...base,
      notifyHours: { tier2: 12, tier1: null },
      detectedAt: "2026-05-01T08:00:00.000Z",
      reportedAt: "2026-05-01T09:00:00.000Z",
    });
    expect(t).toMatchObject({ upstreamHours: null, onTrack: null, projectedNotice: null, withinCommitment: true });
  });

  it("a tier-1 supplier's notice goes through the recipient only", () => {
    const t = measureIncident({
      ...base,
      path: ["tier1"],
      detectedAt: "2026-05-01T08:00:00.000Z",
      reportedAt: "2026-05-01T08:30:00.000Z",
    });
    expect(t).toMatchObject({ delayHours: 0.5, committedHours: 24, upstreamHours: 24, onTrack: true });
  });
});

describe("the time each party above the reporter has left", () => {
  const input = {
    detectedAt: "2026-05-01T08:00:00.000Z",
    reportedAt: "2026-05-01T18:00:00.000Z",
    breachWindowHours: 72,
    recipientNotifyHours: 24,
    path: ["tier3", "tier2", "tier1"],
    notifyHours: { tier3: 12, tier2: 6, tier1: 24 } as Record<string, number | null>,
  };

  it("gives every supplier above the reporter, then the recipient, the deadline less what the parties after it take", () => {
    const notices = upstreamNotices(input);
    expect(notices.map((n) => [n.party, n.passesTo])).toEqual([
      ["tier2", "tier1"],
      ["tier1", "recipient"],
      ["recipient", "discloser"],
    ]);
    // deadline 2026-05-04T08:00Z; after tier2 come tier1 (24 h) and the recipient (24 h)
    expect(notices[0]).toMatchObject({ committedHours: 6, passOnBy: "2026-05-02T08:00:00.000Z", hoursLeft: 14 });
    expect(notices[1]).toMatchObject({ committedHours: 24, passOnBy: "2026-05-03T08:00:00.000Z", hoursLeft: 38 });
    expect(notices[2]).toMatchObject({ committedHours: 24, passOnBy: "2026-05-04T08:00:00.000Z", hoursLeft: 62 });
  });

  it("says a party's time is unknown only when a party after it has not said how fast it notifies", () => {
    const notices = upstreamNotices({ ...input, notifyHours: { ...input.notifyHours, tier1: null } });
    expect(notices[0]).toMatchObject({ passOnBy: null, hoursLeft: null });
    expect(notices[1]).toMatchObject({ committedHours: null, passOnBy: "2026-05-03T08:00:00.000Z" });
  });

  it("shows a negative time left when the window is already lost", () => {
    const late = upstreamNotices({ ...input, reportedAt: "2026-05-03T12:00:00.000Z" });
    expect(late[0].hoursLeft).toBe(-28);
  });

  it("gives a tier-1 reporter's notice to the recipient alone", () => {
    expect(upstreamNotices({ ...input, path: ["tier1"] }).map((n) => n.party)).toEqual(["recipient"]);
  });
});
