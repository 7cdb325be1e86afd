/**
 * Content hashing for versioned data. An agreement pins the catalogue and
 * template versions it used as `${version}+${hash}`, so the hash must depend
 * on the content only, never on key order or whitespace in the file.
 */
import { createHash } from "node:crypto";

/** Length of the hex prefix kept from the SHA-256 digest. */
export const HASH_LENGTH = 12;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** JSON with the keys of every object sorted (arrays keep their order: it is meaningful). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** First HASH_LENGTH hex characters of the SHA-256 of the canonical JSON. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex").slice(0, HASH_LENGTH);
}

export function versionTag(version: string, hash: string): string {
  return `${version}+${hash}`;
}
