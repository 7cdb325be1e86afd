import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MONGODB_URI: z
    .string({
      error:
        "MONGODB_URI is not set. Start the portal with 'npm start' (it starts the embedded database) or set MONGODB_URI to a MongoDB 6+ server.",
    })
    .regex(/^mongodb(\+srv)?:\/\//, "MONGODB_URI must start with mongodb:// or mongodb+srv://"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  /** the portal's public address, used in e-mailed links; defaults to the address a request came in on */
  PUBLIC_URL: z.url("PUBLIC_URL must be a URL such as https://flowdown.example.com").optional(),
  FLOWDOWN_DATA_DIR: z.string().default("data"),
  /** "auto": demo data when the embedded database is empty; "on": also on MONGODB_URI; "off": never */
  FLOWDOWN_DEMO_DATA: z.enum(["auto", "on", "off"]).default("auto"),
  FLOWDOWN_EMBEDDED_DB: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | null = null;

/** Parses the environment once; a missing or malformed variable stops the app with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new Error(`Flowdown cannot start: the environment is not valid.\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
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

/** The origin for links in e-mails: PUBLIC_URL, or the request's own origin. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().PUBLIC_URL;
  return (configured ?? new URL(request.url).origin).replace(/\/$/, "");
}
