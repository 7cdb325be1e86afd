import crypto from "node:crypto";
import { secretKey } from "./env.server";

/**
 * Secrets the portal must read back (an identity provider's client secret, a
 * webhook endpoint's signing secret) are stored encrypted with AES-256-GCM
 * under the key from the environment (FLOWDOWN_SECRET_KEY). A sealed value is
 * "v1.<iv>.<ciphertext>.<tag>" in base64url, bound to what it is for (the
 * `purpose`, e.g. "sso:<orgId>"), so a value copied onto another record does
 * not open.
 */
export class SecretUnreadable extends Error {
  constructor() {
    super("A stored secret cannot be read with this FLOWDOWN_SECRET_KEY: enter it again.");
    this.name = "SecretUnreadable";
  }
}

export function seal(plain: string, purpose: string, key: Buffer = secretKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function open(sealed: string, purpose: string, key: Buffer = secretKey()): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || body === undefined || !tag) throw new SecretUnreadable();
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadable();
  }
}
