/**
 * Risk rating. Inherent risk is what the supplier is trusted with (class of
 * information, access, where it keeps it); the residual rating moves that up
 * or down by how well the supplier complies.
 */
import {
  describeLocation,
  isLocationAcceptable,
  judgeLocation,
  type DataLocation,
  type JurisdictionTerms,
} from "./jurisdictions";
import { listOf, requirementRef, said, sourceText, type Said, type SaidValue } from "./said";
import { RATINGS, type AccessLevel, type ChainLinkInput, type InfoClass, type RiskRating } from "./types";

export const CLASS_POINTS: Record<InfoClass, number> = { public: 0, internal: 1, confidential: 2, restricted: 3 };
export const ACCESS_POINTS: Record<AccessLevel, number> = { none: 0, read: 1, write: 2, admin: 3 };

/** The words inside the reasons' sentences ("… received is restricted", "…, high."). */
const CLASS_WORDS: Record<InfoClass, Said> = {
  public: said("certs.class.public"),
  internal: said("certs.class.internal"),
  confidential: said("certs.class.confidential"),
  restricted: said("certs.class.restricted"),
};
const ACCESS_WORDS: Record<AccessLevel, Said> = {
  none: said("certs.access.none"),
  read: said("certs.access.read"),
  write: said("certs.access.write"),
  admin: said("certs.access.admin"),
};
const RATING_WORDS: Record<RiskRating, Said> = {
  low: said("certs.rating.low"),
  medium: said("certs.rating.medium"),
  high: said("certs.rating.high"),
  critical: said("certs.rating.critical"),
};

/** A rating as a word inside a sentence ("low", "critical"), in the reader's language. */
export function ratingWord(rating: RiskRating): Said {
  return RATING_WORDS[rating];
}

export interface RiskAssessment {
  rating: RiskRating;
  reasons: Said[];
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

/** "Germany (DE)" when the questionnaire names the country (in its own translation), "DE" otherwise. */
function countryValue(code: string, countryName?: (code: string) => string | undefined): SaidValue {
  const name = countryName?.(code);
  return name ? said("certs.risk.namedCountry", { name: sourceText(name), code }) : code;
}

function jurisdictionPoints(
  locations: readonly DataLocation[],
  terms: JurisdictionTerms,
  countryName?: (code: string) => string | undefined,
): { points: number; reason: Said } {
  if (locations.length === 0) {
    return { points: 1, reason: said("certs.risk.jurisdictionUnknown", { points: 1 }) };
  }
  const judged = locations.map((location) => ({ location, verdict: judgeLocation(location, terms) }));
  const uncovered = judged.filter((entry) => !isLocationAcceptable(entry.verdict));
  if (uncovered.length > 0) {
    const detail = listOf(
      uncovered.map((entry) => describeLocation(entry.location, entry.verdict, terms, countryName)),
      "semicolon",
    );
    return { points: 2, reason: said("certs.risk.jurisdiction", { detail, points: 2 }) };
  }
  const covered = judged.filter((entry) => entry.verdict.kind === "covered");
  if (covered.length > 0) {
    const detail = listOf(
      covered.map((entry) => describeLocation(entry.location, entry.verdict, terms, countryName)),
      "semicolon",
    );
    return { points: 1, reason: said("certs.risk.jurisdiction", { detail, points: 1 }) };
  }
  return {
    points: 0,
    reason: said("certs.risk.jurisdictionPermitted", {
      countries: listOf(
        judged.map((entry) => countryValue(entry.location.country, countryName)),
        "unit",
      ),
      points: 0,
    }),
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
      said("certs.risk.class", { class: CLASS_WORDS[link.maxClass], points: classPoints }),
      said("certs.risk.access", { access: ACCESS_WORDS[link.accessLevel], points: accessPoints }),
      jurisdiction.reason,
      said("certs.risk.inherent", { points, rating: RATING_WORDS[rating] }),
    ],
  };
}

/** The score's band: how many levels it moves the inherent rating, and the sentence saying so. */
function scoreAdjustment(score: number): { steps: number; band: "lowers" | "keeps" | "raisesOne" | "raisesTwo" } {
  if (score >= 85) return { steps: -1, band: "lowers" };
  if (score >= 70) return { steps: 0, band: "keeps" };
  if (score >= 50) return { steps: 1, band: "raisesOne" };
  return { steps: 2, band: "raisesTwo" };
}

export function residualRating(
  inherent: RiskRating,
  score: number,
  knockOutsFailed: readonly string[],
  /** a requirement as the reasons name it, e.g. requirementRef("FD-INC-01", "Breach notification within the agreed window") */
  nameOf: (id: string) => SaidValue = (id) => requirementRef(id),
): RiskAssessment {
  const { steps, band } = scoreAdjustment(score);
  const start = RATINGS.indexOf(inherent);
  const unclamped = start + steps;
  let level = Math.min(RATINGS.length - 1, Math.max(0, unclamped));
  const values = {
    score,
    from: RATING_WORDS[inherent],
    to: RATING_WORDS[RATINGS[level]],
    atLimit: level !== unclamped ? "yes" : "no",
  };
  const adjustment = {
    lowers: () => said("certs.risk.score.lowers", values),
    keeps: () => said("certs.risk.score.keeps", values),
    raisesOne: () => said("certs.risk.score.raisesOne", values),
    raisesTwo: () => said("certs.risk.score.raisesTwo", values),
  }[band]();
  const reasons = [adjustment];
  const high = RATINGS.indexOf("high");
  if (knockOutsFailed.length > 0 && level < high) {
    level = high;
    reasons.push(
      said("certs.risk.knockOutFloor", {
        count: knockOutsFailed.length,
        names: listOf(knockOutsFailed.map(nameOf), "unit"),
      }),
    );
  }
  return { rating: RATINGS[level], reasons };
}
