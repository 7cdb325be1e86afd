import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal, SecretUnreadable } from "./secret-box.server";

const key = crypto.randomBytes(32);

describe("stored secrets", () => {
  it("open to what was sealed, and the sealed form does not show it", () => {
    const sealed = seal("client-secret-ü-秘密", "sso:org1", key);
    expect(sealed).not.toContain("client-secret");
    expect(open(sealed, "sso:org1", key)).toBe("client-secret-ü-秘密");
  });

  it("differ each time the same secret is sealed", () => {
    expect(seal("same", "p", key)).not.toBe(seal("same", "p", key));
  });

  it("do not open for another purpose, with another key, or once altered", () => {
    const sealed = seal("secret", "sso:org1", key);
    expect(() => open(sealed, "sso:org2", key)).toThrow(SecretUnreadable);
    expect(() => open(sealed, "sso:org1", crypto.randomBytes(32))).toThrow(SecretUnreadable);
    const [v, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => open([v, iv, flipped.toString("base64url"), tag].join("."), "sso:org1", key)).toThrow(
      SecretUnreadable,
    );
    expect(() => open("not sealed", "sso:org1", key)).toThrow(SecretUnreadable);
  });
});
