import { TEAM_ROLES } from "#models/enums";

/** The team roles an account created at first sign-in can have (its portal role follows from the kind). */
export const SSO_TEAM_ROLES = TEAM_ROLES;

/**
 * The pure rules of single sign-on settings: which e-mail domains an
 * organisation may list and which issuer addresses are acceptable. Safe for
 * the browser bundle (the settings page imports it).
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A domain as stored: lower case, no trailing dot; null when it is not a domain name with a dot. */
export function normaliseDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (domain.length === 0 || domain.length > 253) return null;
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  // the last label is a top-level domain: letters (or an IDN's "xn--" form)
  const tld = labels[labels.length - 1]!;
  if (!/^[a-z]{2,63}$/.test(tld) && !tld.startsWith("xn--")) return null;
  return domain;
}

/** The domains typed (one per line, or separated by commas or spaces), normalised and without repeats. */
export function parseDomains(input: string): { domains: string[]; invalid: string[] } {
  const parts = input
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    const domain = normaliseDomain(part);
    if (!domain) invalid.push(part);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return { domains, invalid };
}

/** The domain of an e-mail address (lower case), or null. */
export function domainOfEmail(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  return normaliseDomain(email.substring(at + 1));
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

/**
 * Why an issuer address is refused, or null when it is acceptable: an
 * absolute https URL without query or fragment (plain http only on this
 * machine's loopback, for a provider run beside the portal in tests).
 */
export function issuerProblem(input: string): "invalid" | "https" | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return "invalid";
  }
  if (url.username || url.password || url.search || url.hash) return "invalid";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") return isLoopback(url) ? null : "https";
  return "invalid";
}
