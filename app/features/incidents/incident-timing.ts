/**
 * How late an incident was reported against the agreement's breach window
 * along the chain. Pure: no database, no clock (the instants are inputs).
 */
import type { IncidentTiming } from "#models/incident.server";

export type { IncidentTiming };

const HOUR = 3_600_000;

/**
 * How an incident report measures against the agreement: the supplier's own
 * delay against what it committed to, and whether the notice can still reach
 * the disclosing party within the breach window through the chain above it.
 */
export function measureIncident(input: {
  detectedAt: string;
  reportedAt: string;
  breachWindowHours: number;
  recipientNotifyHours: number;
  /** supplier ids from the reporting supplier up to tier 1 (reporter first) */
  path: string[];
  notifyHours: Record<string, number | null>;
}): IncidentTiming {
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
