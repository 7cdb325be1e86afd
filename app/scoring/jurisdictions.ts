/**
 * Where information is stored or accessed, judged against the agreement: a
 * country is fine when permitted, or when a transfer mechanism the agreement
 * accepts covers it. Shared by the answer rule, the risk rating and the chain.
 */
import { countryRef, listOf, said, sourceText, type Said, type SaidValue } from "./said";
import type { AgreementInput } from "./types";

export type JurisdictionTerms = Pick<AgreementInput, "permittedJurisdictions" | "acceptedTransferMechanisms">;

export interface DataLocation {
  /** upper-case country code */
  country: string;
  /** null when none was claimed ("", "none") */
  transferMechanism: string | null;
}

export type LocationVerdict =
  | { kind: "permitted" }
  | { kind: "covered"; mechanism: string }
  | { kind: "no-mechanism" }
  | { kind: "mechanism-not-accepted"; mechanism: string };

export const DEFAULT_COUNTRY_FIELD = "country";
export const DEFAULT_MECHANISM_FIELD = "transferMechanism";

function normaliseMechanism(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === "" || text.toLowerCase() === "none" ? null : text;
}

/** Reads locations from a panel array ([{ country, transferMechanism }]), a list of codes, or one code. */
export function readLocations(
  value: unknown,
  countryField: string = DEFAULT_COUNTRY_FIELD,
  mechanismField: string | undefined = DEFAULT_MECHANISM_FIELD,
): DataLocation[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const locations: DataLocation[] = [];
  for (const item of items) {
    let country: unknown;
    let mechanism: unknown;
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      const panel = item as Record<string, unknown>;
      country = panel[countryField];
      mechanism = mechanismField ? panel[mechanismField] : undefined;
    } else {
      country = item;
    }
    if (typeof country !== "string" || country.trim() === "") continue; // an empty panel row says nothing
    locations.push({ country: country.trim().toUpperCase(), transferMechanism: normaliseMechanism(mechanism) });
  }
  return locations;
}

export function judgeLocation(location: DataLocation, terms: JurisdictionTerms): LocationVerdict {
  const permitted = terms.permittedJurisdictions.some((code) => code.trim().toUpperCase() === location.country);
  if (permitted) return { kind: "permitted" };
  const mechanism = location.transferMechanism;
  if (mechanism === null) return { kind: "no-mechanism" };
  const accepted = terms.acceptedTransferMechanisms.some(
    (candidate) => candidate.trim().toLowerCase() === mechanism.toLowerCase(),
  );
  return accepted ? { kind: "covered", mechanism } : { kind: "mechanism-not-accepted", mechanism };
}

export function isLocationAcceptable(verdict: LocationVerdict): boolean {
  return verdict.kind === "permitted" || verdict.kind === "covered";
}

/** "DE, FR", or "none" when the agreement lists nothing. */
function listOrNone(items: readonly string[]): SaidValue {
  return items.length > 0 ? listOf([...items], "unit") : said("rules.location.none");
}

/**
 * "Germany (DE)" as a string, the name as the questionnaire lists it; "DE"
 * without one. For sentences, use `countryValue`, which is said in the
 * reader's language.
 */
export function countryLabel(code: string, countryName?: (code: string) => string | undefined): string {
  const name = countryName?.(code);
  return name ? `${name} (${code})` : code;
}

/**
 * "Germany (DE)" in the reader's language: the questionnaire's name for the
 * country when it has one (translated with the questionnaire), else the
 * name of the ISO code; a code that is not one stays as given.
 */
export function countryValue(code: string, countryName?: (code: string) => string | undefined): SaidValue {
  const name = countryName?.(code);
  if (name) return said("rules.location.country", { name: sourceText(name), code });
  return /^[A-Z]{2}$/.test(code) ? said("rules.location.country", { name: countryRef(code), code }) : code;
}

/**
 * One sentence naming the country and why it is or is not acceptable. A
 * country outside the permitted list is never called permitted, even when
 * an accepted mechanism covers it: it is "covered by SCC".
 */
export function describeLocation(
  location: DataLocation,
  verdict: LocationVerdict,
  terms: JurisdictionTerms,
  countryName?: (code: string) => string | undefined,
): Said {
  const country = countryValue(location.country, countryName);
  switch (verdict.kind) {
    case "permitted":
      return said("rules.location.permitted", { country });
    case "covered":
      return said("rules.location.covered", { country, mechanism: verdict.mechanism });
    case "no-mechanism":
      return said("rules.location.noMechanism", { country, permitted: listOrNone(terms.permittedJurisdictions) });
    case "mechanism-not-accepted":
      return said("rules.location.mechanismNotAccepted", {
        country,
        permitted: listOrNone(terms.permittedJurisdictions),
        mechanism: verdict.mechanism,
        accepted: listOrNone(terms.acceptedTransferMechanisms),
      });
  }
}
