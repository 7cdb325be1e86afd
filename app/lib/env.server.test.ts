import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { envVariable, getEnv, secretKey } from "./env.server";
import { poolSize } from "./db.server";

const VARIABLES = [
  "MONGODB_URI",
  "MONGODB_MAX_POOL_SIZE",
  "FLOWDOWN_EMBEDDED_ENGINE",
  "FLOWDOWN_INSECURE_COOKIES",
  "SMTP_URL",
  "MAIL_FROM",
  "PORT",
  "FLOWDOWN_SCHEDULER",
  "FLOWDOWN_READ_MODEL_CHECK_MS",
  "EVIDENCE_MAX_BYTES",
  "TRUST_PROXY",
  "AUDIT_ANCHOR_MAIL",
  "FLOWDOWN_SECRET_KEY",
  "FLOWDOWN_EMBEDDED_DB",
  "FLOWDOWN_DATA_DIR",
  "NODE_ENV",
] as const;
const saved = Object.fromEntries(VARIABLES.map((k) => [k, process.env[k]]));

beforeEach(() => {
  for (const k of VARIABLES) delete process.env[k];
  process.env.MONGODB_URI = "mongodb://127.0.0.1:27017/flowdown";
});
afterEach(() => {
  for (const k of VARIABLES) {
    if (saved[k] === undefined) delete process.env[k];
    else (process.env as Record<string, string>)[k] = saved[k];
  }
});

describe("the parsed environment", () => {
  it("keeps the defaults the portal always had", () => {
    const env = getEnv();
    expect(env).toMatchObject({
      FLOWDOWN_INSECURE_COOKIES: "0",
      PORT: 3000,
      FLOWDOWN_SCHEDULER: "on",
      FLOWDOWN_READ_MODEL_CHECK_MS: 250,
    });
    expect([env.SMTP_URL, env.MAIL_FROM, env.EVIDENCE_MAX_BYTES, env.MONGODB_MAX_POOL_SIZE]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("sizes the connection pool for the database unless MONGODB_MAX_POOL_SIZE says otherwise", () => {
    expect(poolSize(getEnv())).toBe(100);
    process.env.FLOWDOWN_EMBEDDED_ENGINE = "sqlite";
    expect(poolSize(getEnv())).toBe(4);
    process.env.FLOWDOWN_EMBEDDED_ENGINE = "postgresql";
    expect(poolSize(getEnv())).toBe(20);
    process.env.MONGODB_MAX_POOL_SIZE = "7";
    expect(poolSize(getEnv())).toBe(7);
  });

  it("reads numbers, and treats a blank value as unset", () => {
    process.env.MONGODB_MAX_POOL_SIZE = " 5 ";
    process.env.EVIDENCE_MAX_BYTES = "614400";
    process.env.FLOWDOWN_READ_MODEL_CHECK_MS = "0";
    process.env.SMTP_URL = "  ";
    process.env.MAIL_FROM = "";
    const env = getEnv();
    expect(env).toMatchObject({
      MONGODB_MAX_POOL_SIZE: 5,
      EVIDENCE_MAX_BYTES: 614400,
      FLOWDOWN_READ_MODEL_CHECK_MS: 0,
    });
    expect([env.SMTP_URL, env.MAIL_FROM]).toEqual([undefined, undefined]);
  });

  it("sees a variable changed after the first read", () => {
    expect(getEnv().FLOWDOWN_SCHEDULER).toBe("on");
    process.env.FLOWDOWN_SCHEDULER = "off";
    expect(getEnv().FLOWDOWN_SCHEDULER).toBe("off");
  });

  it.each([
    ["EVIDENCE_MAX_BYTES", "20MB", "EVIDENCE_MAX_BYTES must be a positive whole number of bytes"],
    ["MONGODB_MAX_POOL_SIZE", "0", "MONGODB_MAX_POOL_SIZE must be a positive whole number"],
    ["FLOWDOWN_READ_MODEL_CHECK_MS", "-1", "FLOWDOWN_READ_MODEL_CHECK_MS must be a whole number of milliseconds"],
    ["PORT", "http", "PORT must be a port number"],
    ["FLOWDOWN_SCHEDULER", "no", "FLOWDOWN_SCHEDULER must be on or off"],
    ["FLOWDOWN_INSECURE_COOKIES", "yes", "FLOWDOWN_INSECURE_COOKIES must be 0 or 1"],
    ["SMTP_URL", "http://mail.example", "SMTP_URL must start with smtp:// or smtps://"],
    ["TRUST_PROXY", "proxy.example.com", "TRUST_PROXY must list the proxies in front of the portal"],
  ] as const)("stops with a clear message when %s is %j", (name, value, message) => {
    process.env[name] = value;
    expect(() => getEnv()).toThrow(/^Flowdown cannot start: the environment is not valid\./);
    expect(() => getEnv()).toThrow(`${name}: ${message}`);
  });

  it("reads TRUST_PROXY as a list of addresses, ranges and names; unset trusts no proxy", () => {
    expect(getEnv().TRUST_PROXY).toBeUndefined();
    process.env.TRUST_PROXY = " 10.0.0.5, 172.16.0.0/12 ,loopback,::1,fd00::/8 ";
    expect(getEnv().TRUST_PROXY).toEqual(["10.0.0.5", "172.16.0.0/12", "loopback", "::1", "fd00::/8"]);
  });

  it.each([
    ["proxy.example.com", '"proxy.example.com" is not an IP address, a CIDR range, "loopback" or "private"'],
    ["10.0.0.0/33", '"10.0.0.0/33" has no valid prefix length'],
    ["10.0.0.5;10.0.0.6", '"10.0.0.5;10.0.0.6" is not an IP address'],
    [" , ", "it lists nothing"],
  ])("names what is wrong with TRUST_PROXY=%j", (value, problem) => {
    process.env.TRUST_PROXY = value;
    expect(() => getEnv()).toThrow("TRUST_PROXY: TRUST_PROXY must list the proxies in front of the portal");
    expect(() => getEnv()).toThrow(problem);
  });

  it("reads AUDIT_ANCHOR_MAIL as a list of addresses, and names one that is not an address", () => {
    expect(getEnv().AUDIT_ANCHOR_MAIL).toBeUndefined();
    process.env.AUDIT_ANCHOR_MAIL = " dpo@discloser.example, audit@recipient.example ";
    expect(getEnv().AUDIT_ANCHOR_MAIL).toEqual(["dpo@discloser.example", "audit@recipient.example"]);
    process.env.AUDIT_ANCHOR_MAIL = "dpo@discloser.example, compliance team";
    expect(() => getEnv()).toThrow(
      'AUDIT_ANCHOR_MAIL: AUDIT_ANCHOR_MAIL must be e-mail addresses separated by commas ("compliance team" is not one)',
    );
  });

  it("parses one variable on its own for code that reports a bad value itself", () => {
    process.env.SMTP_URL = "http://mail.example";
    expect(envVariable("SMTP_URL")).toEqual({
      success: false,
      message: "SMTP_URL must start with smtp:// or smtps://",
    });
    process.env.SMTP_URL = " smtp://127.0.0.1:2525 ";
    expect(envVariable("SMTP_URL")).toEqual({ success: true, data: "smtp://127.0.0.1:2525" });
  });

  it("takes the key for stored secrets from FLOWDOWN_SECRET_KEY, and refuses a weak one", () => {
    process.env.FLOWDOWN_SECRET_KEY = "ab".repeat(32);
    expect(secretKey().toString("hex")).toBe("ab".repeat(32));
    process.env.FLOWDOWN_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");
    expect(secretKey()).toEqual(Buffer.alloc(32, 7));
    process.env.FLOWDOWN_SECRET_KEY = "password";
    expect(() => getEnv()).toThrow(/FLOWDOWN_SECRET_KEY must be 32 random bytes/);
  });

  it("needs FLOWDOWN_SECRET_KEY in production, and keeps one under the data folder in development", () => {
    process.env.NODE_ENV = "production";
    expect(() => secretKey()).toThrow(/FLOWDOWN_SECRET_KEY must be set in production/);
    process.env.NODE_ENV = "development";
    process.env.FLOWDOWN_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "fd-key-"));
    const first = secretKey();
    expect(first).toHaveLength(32);
    // the same key after a restart: what was sealed still opens
    expect(secretKey()).toEqual(first);
    expect(fs.statSync(path.join(process.env.FLOWDOWN_DATA_DIR, "secret-key")).mode & 0o777).toBe(0o600);
  });
});
