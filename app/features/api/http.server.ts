import crypto from "node:crypto";
import type { z } from "zod";

/**
 * The API's answers: JSON with a weak ETag (304 when the client has it) and
 * errors as application/problem+json (RFC 9457). A problem's `type` names a
 * section of the reference page, /api/v1/docs.
 */
export const PROBLEMS = {
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  "not-found": { status: 404, title: "Not Found" },
  "method-not-allowed": { status: 405, title: "Method Not Allowed" },
  "bad-request": { status: 400, title: "Bad Request" },
  conflict: { status: 409, title: "Conflict" },
  "unprocessable-content": { status: 422, title: "Unprocessable Content" },
  "unsupported-media-type": { status: 415, title: "Unsupported Media Type" },
  "too-many-requests": { status: 429, title: "Too Many Requests" },
} as const;
export type ProblemKind = keyof typeof PROBLEMS;

export function problem(
  kind: ProblemKind,
  detail: string,
  extra: { errors?: Record<string, string[]>; headers?: Record<string, string> } = {},
): Response {
  const { status, title } = PROBLEMS[kind];
  const body = {
    type: `/api/v1/docs#problem-${kind}`,
    title,
    status,
    detail,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}),
      ...extra.headers,
    },
  });
}

/** A weak validator of the body: equal bodies, equal tags. */
export function weakEtag(body: string): string {
  return `W/"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // weak comparison (RFC 9110 13.1.2): the opaque tags, W/ or not
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** The body as JSON, or a 304 when If-None-Match names its ETag. The schema fixes what may be sent. */
export function jsonWithEtag<S extends z.ZodType>(request: Request, schema: S, value: z.input<S>): Response {
  const body = JSON.stringify(schema.parse(value));
  const etag = weakEtag(body);
  // private: a token's answers are its organisation's, not for shared caches
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Authorization" };
  if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}

/** A created resource: 201 with its Location and body, parsed with the schema like every answer. */
export function created<S extends z.ZodType>(location: string, schema: S, value: z.input<S>): Response {
  return new Response(JSON.stringify(schema.parse(value)), {
    status: 201,
    headers: { Location: location, "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

/** The answer of an operation that computes rather than stores (a POST that creates nothing): 200, not cached. */
export function answered<S extends z.ZodType>(schema: S, value: z.input<S>): Response {
  return new Response(JSON.stringify(schema.parse(value)), {
    status: 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

/** Parses a JSON request body with the operation's schema: 415 when not JSON, 400 naming each bad field. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw problem("unsupported-media-type", "Send the body as JSON: Content-Type: application/json.");
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    throw problem("bad-request", "The body is not valid JSON.");
  }
  return parseOrProblem(schema, raw, "The body is not valid.");
}

/** Parses the query with the operation's schema; a 400 problem naming each bad field otherwise. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  // fromEntries: a parameter named __proto__ is an own key like any other, reported as unknown
  const raw = Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const all = params.getAll(key);
      return [key, all.length === 1 ? all[0] : all];
    }),
  );
  return parseOrProblem(schema, raw, "The query is not valid.");
}

export function parseOrProblem<S extends z.ZodType>(schema: S, raw: unknown, detail: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = new Map<string, string[]>();
  for (const issue of parsed.error.issues) {
    const keys =
      issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path.map(String), k].join(".")) : null;
    for (const key of keys ?? [issue.path.map(String).join(".")]) {
      if (!errors.has(key)) errors.set(key, []);
      errors.get(key)!.push(keys ? "Not a parameter of this operation" : issue.message);
    }
  }
  throw problem("bad-request", detail, { errors: Object.fromEntries(errors) });
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a write once per `Idempotency-Key` (per token, for 24 hours): a retry
 * with the same key and the same request gets the first answer again; the
 * same key with another request is a 422; one still running, a 409. Without
 * the header the write simply runs. A write that fails gives the key back.
 */
export async function idempotent(
  request: Request,
  tokenPrefix: string,
  write: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get("Idempotency-Key");
  if (key === null) return write();
  if (!IDEMPOTENCY_KEY.test(key))
    throw problem("bad-request", "The Idempotency-Key header is not valid.", {
      errors: { "Idempotency-Key": ["Must be 1 to 200 visible ASCII characters"] },
    });
  const { takeIdempotencyKey, keepIdempotentResponse, releaseIdempotencyKey } = await import(
    "#models/idempotency-key.server"
  );
  const url = new URL(request.url);
  const requestHash = crypto
    .createHash("sha256")
    .update(`${request.method} ${url.pathname}${url.search}\n`)
    .update(await request.clone().text())
    .digest("hex");
  const id = `${tokenPrefix}:${key}`;
  const taken = await takeIdempotencyKey(id, requestHash);
  if (!taken.first) {
    if (taken.requestHash !== requestHash)
      throw problem("unprocessable-content", "This Idempotency-Key was used with another request.", {
        errors: { "Idempotency-Key": ["Used before with another request: use a new key"] },
      });
    if (!taken.response)
      throw problem("conflict", "A request with this Idempotency-Key is still running: retry shortly.");
    const { status, location, body } = taken.response;
    return new Response(body, {
      status,
      headers: {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        "Idempotent-Replayed": "true",
        ...(location ? { Location: location } : {}),
      },
    });
  }
  let response: Response;
  try {
    response = await write();
  } catch (thrown) {
    await releaseIdempotencyKey(id);
    throw thrown;
  }
  if (response.status >= 400) {
    await releaseIdempotencyKey(id);
    return response;
  }
  await keepIdempotentResponse(id, {
    status: response.status,
    location: response.headers.get("Location"),
    body: await response.clone().text(),
  });
  return response;
}
