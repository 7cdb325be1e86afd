import { describe, expect, it } from "vitest";
import { measureIncident } from "./incident-timing";

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
