/**
 * Risk rating. Inherent risk is what the supplier is trusted with (class of
 * information, access, where it keeps it); the residual rating moves that up
 * or down by how well the supplier complies.
 */
import {
  countryLabel,
  describeLocation,
  isLocationAcceptable,
  judgeLocation,
  type DataLocation,
  type JurisdictionTerms,
} from "./jurisdictions";
import { RATINGS, type AccessLevel, type ChainLinkInput, type InfoClass, type RiskRating } from "./types";

export const CLASS_POINTS: Record<InfoClass, number> = { public: 0, internal: 1, confidential: 2, restricted: 3 };
export const ACCESS_POINTS: Record<AccessLevel, number> = { none: 0, read: 1, write: 2, admin: 3 };

export interface RiskAssessment {
  rating: RiskRating;
  reasons: string[];
}

export interface InherentRisk extends RiskAssessment {
  points: number;
}

export function ratingForPoints(points: number): RiskRating {
  if (points <= 2) return "low";
  if (points <= 4) return "medium";
  if (points <= 6) return "high";
  return "critical";
}

function jurisdictionPoints(
  locations: readonly DataLocation[],
  terms: JurisdictionTerms,
  countryName?: (code: string) => string | undefined,
): { points: number; reason: string } {
  if (locations.length === 0) {
    return { points: 1, reason: "Jurisdiction: data locations not answered, so unknown (+1)." };
  }
  const judged = locations.map((location) => ({ location, verdict: judgeLocation(location, terms) }));
  const uncovered = judged.filter((entry) => !isLocationAcceptable(entry.verdict));
  if (uncovered.length > 0) {
    const detail = uncovered
      .map((entry) => describeLocation(entry.location, entry.verdict, terms, countryName))
      .join("; ");
    return { points: 2, reason: `Jurisdiction: ${detail} (+2).` };
  }
  const covered = judged.filter((entry) => entry.verdict.kind === "covered");
  if (covered.length > 0) {
    const detail = covered
      .map((entry) => describeLocation(entry.location, entry.verdict, terms, countryName))
      .join("; ");
    return { points: 1, reason: `Jurisdiction: ${detail} (+1).` };
  }
  return {
    points: 0,
    reason: `Jurisdiction: all locations permitted (${judged
      .map((entry) => countryLabel(entry.location.country, countryName))
      .join(", ")}) (+0).`,
  };
}

export function inherentRisk(
  link: Pick<ChainLinkInput, "maxClass" | "accessLevel">,
  locations: readonly DataLocation[],
  terms: JurisdictionTerms,
  /** country names as the questionnaire lists them; codes alone without it */
  countryName?: (code: string) => string | undefined,
): InherentRisk {
  const classPoints = CLASS_POINTS[link.maxClass];
  const accessPoints = ACCESS_POINTS[link.accessLevel];
  if (classPoints === undefined) throw new Error(`Unknown information class ${JSON.stringify(link.maxClass)}`);
  if (accessPoints === undefined) throw new Error(`Unknown access level ${JSON.stringify(link.accessLevel)}`);
  const jurisdiction = jurisdictionPoints(locations, terms, countryName);
  const points = classPoints + accessPoints + jurisdiction.points;
  const rating = ratingForPoints(points);
  return {
    points,
    rating,
    reasons: [
      `Information class: highest class received is ${link.maxClass} (+${classPoints}).`,
      `Access level: ${link.accessLevel} (+${accessPoints}).`,
      jurisdiction.reason,
      `Inherent risk: ${points} of 8 points, ${rating}.`,
    ],
  };
}

function scoreAdjustment(score: number): { steps: number; reason: string } {
  if (score >= 85) return { steps: -1, reason: `Compliance score ${score} (85 or more) lowers the rating one level` };
  if (score >= 70)
    return { steps: 0, reason: `Compliance score ${score} (70–84) leaves the rating at the inherent level` };
  if (score >= 50) return { steps: 1, reason: `Compliance score ${score} (50–69) raises the rating one level` };
  return { steps: 2, reason: `Compliance score ${score} (below 50) raises the rating two levels` };
}

export function residualRating(
  inherent: RiskRating,
  score: number,
  knockOutsFailed: readonly string[],
  /** a requirement id as the reasons name it, e.g. "FD-INC-01 Breach notification within the agreed window" */
  nameOf: (id: string) => string = (id) => id,
): RiskAssessment {
  const { steps, reason } = scoreAdjustment(score);
  const start = RATINGS.indexOf(inherent);
  const unclamped = start + steps;
  let level = Math.min(RATINGS.length - 1, Math.max(0, unclamped));
  const reasons = [
    `${reason}: ${inherent} → ${RATINGS[level]}${level !== unclamped ? " (already at the limit)" : ""}.`,
  ];
  const high = RATINGS.indexOf("high");
  if (knockOutsFailed.length > 0 && level < high) {
    level = high;
    reasons.push(
      `Failed knock-out${knockOutsFailed.length > 1 ? "s" : ""} ${knockOutsFailed.map(nameOf).join(", ")}: ` +
        "the rating is at least high.",
    );
  }
  return { rating: RATINGS[level], reasons };
}
