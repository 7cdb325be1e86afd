import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import net from "node:net";
import { z } from "zod";

/** Blank means unset (as it always did for these variables); surrounding spaces are ignored. */
function trimmed<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), schema);
}

function wholeNumber(message: string) {
  return z.coerce.number({ error: message }).int(message);
}

const EVIDENCE_MAX_BYTES = "EVIDENCE_MAX_BYTES must be a positive whole number of bytes, e.g. 20971520 for 20 MB.";

/** A TRUST_PROXY entry: an address, a CIDR range, or one of these names. */
export const PROXY_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

function proxyEntryError(entry: string): string | null {
  if (PROXY_RANGES[entry.toLowerCase()]) return null;
  const [address, prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return `"${entry}" is not an IP address, a CIDR range, "loopback" or "private"`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return `"${entry}" has no valid prefix length`;
  return null;
}

const TRUST_PROXY =
  'TRUST_PROXY must list the proxies in front of the portal, separated by commas: IP addresses, CIDR ranges or "loopback" and "private", e.g. TRUST_PROXY=10.0.0.5,loopback';

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MONGODB_URI: z
    .string({
      error:
        "MONGODB_URI is not set. Start the portal with 'npm start' (it starts the embedded database) or set MONGODB_URI to a MongoDB 6+ server.",
    })
    .regex(/^mongodb(\+srv)?:\/\//, "MONGODB_URI must start with mongodb:// or mongodb+srv://"),
  /**
   * the driver's connection pool; unset: sized for the database (see poolSize in db.server.ts)
   */
  MONGODB_MAX_POOL_SIZE: trimmed(
    wholeNumber("MONGODB_MAX_POOL_SIZE must be a positive whole number")
      .positive("MONGODB_MAX_POOL_SIZE must be a positive whole number")
      .optional(),
  ),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  /**
   * the key that encrypts secrets stored in the database (SSO client secrets, webhook signing secrets):
   * 32 random bytes as 64 hex characters or base64; unset in development: one generated and kept under ./data
   */
  FLOWDOWN_SECRET_KEY: trimmed(
    z
      .string()
      .refine(
        (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, "base64").length === 32,
        "FLOWDOWN_SECRET_KEY must be 32 random bytes: 64 hex characters or 44 base64 characters (openssl rand -hex 32)",
      )
      .optional(),
  ),
  /** "1" lets a production build send its session cookie over plain http (the browser tests and benchmarks) */
  FLOWDOWN_INSECURE_COOKIES: z.enum(["0", "1"], "FLOWDOWN_INSECURE_COOKIES must be 0 or 1").default("0"),
  /** unset: e-mails are kept in the outbox and logged, not sent */
  SMTP_URL: trimmed(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
  ),
  MAIL_FROM: trimmed(z.string().optional()),
  /** the portal's public address, used in e-mailed links; defaults to the address a request came in on */
  PUBLIC_URL: z.url("PUBLIC_URL must be a URL such as https://flowdown.example.com").optional(),
  /** addresses the audit trail's head is e-mailed to once a day (comma-separated); unset: none */
  AUDIT_ANCHOR_MAIL: trimmed(
    z
      .string()
      .transform((value, ctx) => {
        const addresses = value
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean);
        const bad = addresses.filter((a) => !/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(a));
        if (!addresses.length || bad.length) {
          ctx.addIssue({
            code: "custom",
            message: `AUDIT_ANCHOR_MAIL must be e-mail addresses separated by commas (${bad.map((a) => `"${a}"`).join(", ") || "it lists none"} is not one).`,
          });
          return z.NEVER;
        }
        return addresses;
      })
      .optional(),
  ),
  /** the port remix-serve listens on; the scheduler's e-mailed links use it when PUBLIC_URL is unset */
  PORT: trimmed(
    wholeNumber("PORT must be a port number such as 3000")
      .min(1, "PORT must be a port number such as 3000")
      .max(65535, "PORT must be a port number such as 3000")
      .default(3000),
  ),
  FLOWDOWN_DATA_DIR: z.string().default("data"),
  /** "auto": demo data when the embedded database is empty; "on": also on MONGODB_URI; "off": never */
  FLOWDOWN_DEMO_DATA: z.enum(["auto", "on", "off"]).default("auto"),
  FLOWDOWN_EMBEDDED_DB: z.enum(["0", "1"]).default("0"),
  /** set by `npm start` beside FLOWDOWN_EMBEDDED_DB: the backend the embedded FerretDB runs on */
  FLOWDOWN_EMBEDDED_ENGINE: z.enum(["postgresql", "sqlite"]).optional(),
  /** "off": this instance sends no reminders or re-assessments (tests, extra instances) */
  FLOWDOWN_SCHEDULER: z.enum(["on", "off"], "FLOWDOWN_SCHEDULER must be on or off").default("on"),
  /** how often (ms) a dashboard request looks at the row feed for other instances' changes */
  FLOWDOWN_READ_MODEL_CHECK_MS: trimmed(
    wholeNumber("FLOWDOWN_READ_MODEL_CHECK_MS must be a whole number of milliseconds")
      .nonnegative("FLOWDOWN_READ_MODEL_CHECK_MS must be a whole number of milliseconds")
      .default(250),
  ),
  /** "1" serves the benchmark's floor page (/bench-floor); set only by bench/dashboard.ts, unset: 404 */
  FLOWDOWN_BENCH_FLOOR: z.enum(["0", "1"], "FLOWDOWN_BENCH_FLOOR must be 0 or 1").optional(),
  /**
   * the proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, "loopback", "private");
   * unset: none, the client's address is the connection's
   */
  TRUST_PROXY: trimmed(
    z
      .string()
      .transform((value, ctx) => {
        const entries = value
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean);
        const errors = entries.map(proxyEntryError).filter((e) => e !== null);
        if (!entries.length || errors.length) {
          ctx.addIssue({ code: "custom", message: `${TRUST_PROXY} (${errors.join("; ") || "it lists nothing"}).` });
          return z.NEVER;
        }
        return entries;
      })
      .optional(),
  ),
  /** the largest evidence file accepted; unset: 20 MB */
  EVIDENCE_MAX_BYTES: trimmed(wholeNumber(EVIDENCE_MAX_BYTES).positive(EVIDENCE_MAX_BYTES).optional()),
});

export type Env = z.infer<typeof EnvSchema>;

const KEYS = Object.keys(EnvSchema.shape) as (keyof Env)[];
let cached: { snapshot: string; env: Env } | null = null;

function explain(error: z.ZodError): string {
  const lines = error.issues.map((i) => `  - ${i.path.join(".") || "environment"}: ${i.message}`);
  return `Flowdown cannot start: the environment is not valid.\n${lines.join("\n")}`;
}

/**
 * The parsed environment; a missing or malformed variable stops the app with a
 * clear message. Parsed again only when one of its variables changed (tests
 * change them between cases), so a request pays a few lookups, not a parse.
 */
export function getEnv(): Env {
  const snapshot = JSON.stringify(KEYS.map((key) => process.env[key] ?? null));
  if (cached?.snapshot === snapshot) return cached.env;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(explain(parsed.error));
  cached = { snapshot, env: parsed.data };
  return parsed.data;
}

/**
 * One variable parsed on its own, for code that reports a bad value where it
 * is used instead of failing (a send with a malformed SMTP_URL is recorded as failed).
 */
export function envVariable<K extends keyof Env>(
  key: K,
): { success: true; data: Env[K] } | { success: false; message: string } {
  const parsed = EnvSchema.shape[key].safeParse(process.env[key]);
  if (parsed.success) return { success: true, data: parsed.data as Env[K] };
  return { success: false, message: parsed.error.issues[0]?.message ?? `${key} is not valid` };
}

export function dataDir(): string {
  return path.resolve(getEnv().FLOWDOWN_DATA_DIR);
}

/**
 * The cookie-signing secret: SESSION_SECRET, or in development a random one
 * generated once and kept under ./data so sessions survive restarts.
 */
export function sessionSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production" && env.FLOWDOWN_EMBEDDED_DB !== "1") {
    throw new Error("Flowdown cannot start: SESSION_SECRET must be set in production (at least 32 random characters).");
  }
  const file = path.join(dataDir(), "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

/**
 * The key that encrypts stored secrets: FLOWDOWN_SECRET_KEY, or in development
 * (and the embedded database) one generated once and kept under ./data, like
 * the session secret. Losing it makes stored secrets unreadable: they must be
 * entered again.
 */
export function secretKey(): Buffer {
  const env = getEnv();
  const configured = env.FLOWDOWN_SECRET_KEY;
  if (configured)
    return /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, "hex") : Buffer.from(configured, "base64");
  if (env.NODE_ENV === "production" && env.FLOWDOWN_EMBEDDED_DB !== "1") {
    throw new Error(
      "Flowdown cannot keep secrets: FLOWDOWN_SECRET_KEY must be set in production (openssl rand -hex 32).",
    );
  }
  const file = path.join(dataDir(), "secret-key");
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = crypto.randomBytes(32).toString("hex");
    try {
      fs.writeFileSync(file, key, { mode: 0o600, flag: "wx" });
    } catch {
      // another instance wrote it first: use theirs
      return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
    }
    return Buffer.from(key, "hex");
  }
}

/** The origin for links in e-mails: PUBLIC_URL, or the request's own origin. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().PUBLIC_URL;
  return (configured ?? new URL(request.url).origin).replace(/\/$/, "");
}
