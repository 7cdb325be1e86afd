/**
 * How late an incident was reported against the agreement's breach window
 * along the chain. Pure: no database, no clock (the instants are inputs).
 */
import type { IncidentTiming } from "#models/incident.server";

export type { IncidentTiming };

const HOUR = 3_600_000;

/** An incident's instants, the agreement's windows and the chain above the reporter. */
export interface ChainTimingInput {
  detectedAt: string;
  reportedAt: string;
  breachWindowHours: number;
  recipientNotifyHours: number;
  /** supplier ids from the reporting supplier up to tier 1 (reporter first) */
  path: string[];
  notifyHours: Record<string, number | null>;
}

/**
 * How an incident report measures against the agreement: the supplier's own
 * delay against what it committed to, and whether the notice can still reach
 * the disclosing party within the breach window through the chain above it.
 */
export function measureIncident(input: ChainTimingInput): IncidentTiming {
  const detected = Date.parse(input.detectedAt);
  const reported = Date.parse(input.reportedAt);
  const delayHours = Math.max(0, Math.round(((reported - detected) / HOUR) * 10) / 10);
  const reporter = input.path[0];
  const committedHours = input.notifyHours[reporter] ?? null;
  let upstream: number | null = input.recipientNotifyHours;
  for (const id of input.path.slice(1)) {
    const h = input.notifyHours[id];
    upstream = upstream === null || h === null || h === undefined ? null : upstream + h;
  }
  const deadline = detected + input.breachWindowHours * HOUR;
  const projected = upstream === null ? null : reported + upstream * HOUR;
  return {
    delayHours,
    committedHours,
    withinCommitment: committedHours === null ? null : delayHours <= committedHours,
    upstreamHours: upstream,
    discloserDeadline: new Date(deadline).toISOString(),
    projectedNotice: projected === null ? null : new Date(projected).toISOString(),
    marginHours: projected === null ? null : Math.round(((deadline - projected) / HOUR) * 10) / 10,
    onTrack: projected === null ? null : projected <= deadline,
    path: [...input.path],
  };
}

/** What one party above the reporter must do with the notice, and by when. */
export interface UpstreamNotice {
  /** a supplier's id from the path, or "recipient" for the agreement's recipient (procurement) */
  party: string;
  /** who it passes the notice on to: the next supplier's id, "recipient", or "discloser" */
  passesTo: string;
  /** the hours this party committed to, null when it has not said */
  committedHours: number | null;
  /**
   * The latest moment it can pass the notice on and the disclosing party still know within the
   * breach window, if every party after it keeps its commitment; null when one of those has not
   * said how fast it notifies.
   */
  passOnBy: string | null;
  /** hours from the report to passOnBy (negative: already too late); null with passOnBy */
  hoursLeft: number | null;
}

/**
 * For every party above the reporter (its parents up to tier 1, then the
 * recipient), the time it has left to pass the notice on: the disclosing
 * party's deadline less the hours the parties after it take.
 */
export function upstreamNotices(input: ChainTimingInput): UpstreamNotice[] {
  const deadline = Date.parse(input.detectedAt) + input.breachWindowHours * HOUR;
  const reported = Date.parse(input.reportedAt);
  const above = input.path.slice(1);
  const parties = [...above, "recipient"];
  const hoursOf = (party: string): number | null =>
    party === "recipient" ? input.recipientNotifyHours : (input.notifyHours[party] ?? null);
  return parties.map((party, i) => {
    // the hours every party after this one takes, up to and including the recipient
    let after: number | null = 0;
    for (const later of parties.slice(i + 1)) {
      const h = hoursOf(later);
      after = after === null || h === null ? null : after + h;
    }
    const by = after === null ? null : deadline - after * HOUR;
    return {
      party,
      passesTo: parties[i + 1] ?? "discloser",
      committedHours: hoursOf(party),
      passOnBy: by === null ? null : new Date(by).toISOString(),
      hoursLeft: by === null ? null : Math.round(((by - reported) / HOUR) * 10) / 10,
    };
  });
}
