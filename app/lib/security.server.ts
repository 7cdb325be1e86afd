import crypto from "node:crypto";
import type { HeadersArgs, HeadersFunction, ServerBuild } from "@remix-run/node";
import { REFUSED_ORIGIN_HEADER } from "./connection.server";
import { getEnv } from "./env.server";
import { runInLocale } from "./locale-scope.server";
import { bindRequestScope } from "./request-scope.server";

/**
 * The portal's web hardening in one place, applied to the whole server build
 * by server.ts (see docs/decisions/006-csrf.md): every action first passes
 * the same-origin check and the body-size limit, and every response carries
 * the security headers.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Non-multipart bodies (forms, JSON) above this are refused before they are read; multipart uploads have their own limits. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024 + 64 * 1024;

export const CROSS_SITE_MESSAGE =
  "This form was sent from another site, so the portal refused it. Open the page in Flowdown itself and send it again.";

function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** The origins the portal's own pages are served from: PUBLIC_URL, the request's own origin, and that origin as a proxy reports it. */
export function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const configured = originOf(getEnv().PUBLIC_URL ?? null);
  if (configured) origins.add(configured);
  // behind a TLS-terminating proxy remix-serve sees http://host; the browser says https://host
  const proto = request.headers.get("X-Forwarded-Proto")?.split(",")[0].trim();
  if (proto === "https" || proto === "http") origins.add(`${proto}://${url.host}`);
  return origins;
}

/**
 * Why a state-changing request must be refused as cross-site, or null when it may run.
 * Browsers send Sec-Fetch-Site (and Origin) on every POST; a request with
 * none of Sec-Fetch-Site, Origin and Referer does not come from a browser and
 * so cannot carry a victim's cookie on an attacker's behalf.
 */
export function crossSiteReason(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site: ${site}`;
  const allowed = ownOrigins(request);
  // the Origin that Remix's own check would have answered with a bare 500 (see connection.server)
  const origin = request.headers.get("Origin") ?? request.headers.get(REFUSED_ORIGIN_HEADER);
  if (origin !== null)
    return originOf(origin) && allowed.has(originOf(origin)!) ? null : `Origin: ${origin.slice(0, 200)}`;
  const referer = request.headers.get("Referer");
  if (referer !== null)
    return originOf(referer) && allowed.has(originOf(referer)!) ? null : "Referer from another site";
  return null;
}

export function assertSameOrigin(request: Request): void {
  const reason = crossSiteReason(request);
  if (reason) {
    console.warn(`refused a cross-site ${request.method} ${new URL(request.url).pathname} (${reason})`);
    throw new Response(CROSS_SITE_MESSAGE, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(): Response {
  return new Response("The request is too large.", {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Refuses an oversized form or JSON body before the action parses it. A
 * declared Content-Length is checked without reading; a chunked body is read
 * up to the limit and handed on as a new Request. Multipart bodies are left
 * to the upload handlers, which stream them with their own per-file limits.
 */
export async function limitBody(request: Request, limit = MAX_BODY_BYTES): Promise<Request> {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.body) return request;
  if ((request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) return request;
  const declared = request.headers.get("Content-Length");
  if (declared !== null) {
    const n = Number(declared);
    if (!Number.isFinite(n) || n < 0) throw new Response("Content-Length is not valid.", { status: 400 });
    if (n > limit) throw tooLarge();
    return request;
  }
  const bytes = await readLimited(request.body, limit);
  if (!bytes) throw tooLarge();
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: new Blob([new Uint8Array(bytes)]),
    signal: request.signal,
  });
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const API_TYPES = [...FORM_TYPES, "application/json"];

/**
 * Pages take forms; resource routes (the JSON APIs) also JSON. Anything else
 * is a 415 here rather than a parser error (a 500) inside the action.
 */
export function assertBodyType(request: Request, resource: boolean, extra: readonly string[] = []): void {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.body) return;
  const type = bodyType(request);
  if (!(resource ? [...API_TYPES, ...extra] : FORM_TYPES).includes(type)) {
    throw new Response(
      `Send this as ${resource ? "a form or JSON" : "a form"}: Content-Type ${type || "(none)"} is not accepted here.`,
      {
        status: 415,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      },
    );
  }
}

const bodyType = (request: Request) => (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();

/**
 * What a resource route takes beside forms and JSON, declared by the route
 * module as `export const acceptBody = { types, maxBytes }` (e.g. a PDF to
 * verify): those types, up to `maxBytes` instead of MAX_BODY_BYTES.
 */
export interface AcceptBody {
  types: readonly string[];
  maxBytes: number;
}

/** The checks every action runs before its own code. */
export async function guardAction(request: Request, resource = false, accept?: AcceptBody): Promise<Request> {
  assertSameOrigin(request);
  assertBodyType(request, resource, accept?.types);
  const raw = accept && accept.types.includes(bodyType(request));
  return limitBody(request, raw ? accept.maxBytes : MAX_BODY_BYTES);
}

export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

function isProduction() {
  return getEnv().NODE_ENV === "production";
}

/** The policy of HTML pages: scripts only from the portal or with this response's nonce. */
export function documentCsp(nonce: string): string {
  const dev = getEnv().NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // SurveyJS sets element styles from its theme at run time; React's style props are inline styles too
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // the development build's live reload talks over a WebSocket on another port
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Files, CSV and JSON: nothing in them may run, and nobody may frame them. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sets the headers every response carries; `csp` replaces a policy only when the response has none. */
export function applySecurityHeaders(headers: Headers, csp: string = RESOURCE_CSP): Headers {
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", csp);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (isProduction()) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // pages, data and files depend on who is signed in: no shared cache may keep them, no browser may store them
  headers.set("Cache-Control", "private, no-store");
  return headers;
}

/** Response headers a page's loader or action sets that must reach the browser (Remix keeps only Set-Cookie). */
const PASSED_ON = ["Retry-After"];

/**
 * The `headers` export every page gets: without one Remix drops what a loader
 * or action set (a 429's Retry-After, a 503's) from document and single-fetch
 * responses alike. A route's own `headers` export still comes first.
 */
function pageHeaders(own: RouteModule["headers"]): HeadersFunction {
  return (args: HeadersArgs): Headers => {
    const headers = new Headers(typeof own === "function" ? own(args) : (own ?? args.parentHeaders));
    for (const name of PASSED_ON) {
      const value =
        args.errorHeaders?.get(name) ?? args.actionHeaders.get(name) ?? args.loaderHeaders.get(name) ?? null;
      if (value !== null) headers.set(name, value);
    }
    return headers;
  };
}

/** A response with the security headers; a response whose headers are immutable (Response.redirect) is copied. */
function withHeaders(response: Response): Response {
  try {
    applySecurityHeaders(response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers);
    return copy;
  }
}

type RouteModule = ServerBuild["routes"][string]["module"];
type DataFunction = NonNullable<RouteModule["action"]>;
type DataArgs = Parameters<DataFunction>[0];

function isResourceRoute(module: RouteModule): boolean {
  return module.default == null && module.ErrorBoundary == null;
}

/**
 * Wraps a route module: its action passes guardAction first; a resource
 * route's responses (returned or thrown) get the security headers, since
 * resource responses pass neither handleRequest nor handleDataRequest; a
 * page's Retry-After reaches the browser (pageHeaders); each loader learns
 * which page request it serves (bindRequestScope).
 */
export interface RouteOptions {
  /** the language a request is served in (locale-scope); without one, server messages stay in English */
  localeOf?: (request: Request) => Promise<string>;
}

export function secureRouteModule(module: RouteModule, options: RouteOptions = {}): RouteModule {
  const resource = isResourceRoute(module);
  const inLocale = async <T>(request: Request, run: () => T): Promise<Awaited<T>> =>
    await (options.localeOf ? runInLocale(await options.localeOf(request), run) : run());
  const finish = (value: unknown) => (resource && value instanceof Response ? withHeaders(value) : value);
  const wrapped: RouteModule = { ...module };
  if (!resource) wrapped.headers = pageHeaders(module.headers);
  if (module.action) {
    const action = module.action;
    wrapped.action = async (args: DataArgs) => {
      try {
        const request = await guardAction(
          args.request,
          resource,
          resource ? (module as { acceptBody?: AcceptBody }).acceptBody : undefined,
        );
        return finish(await inLocale(request, () => action({ ...args, request })));
      } catch (thrown) {
        throw finish(thrown);
      }
    };
  }
  if (module.loader) {
    const loader = module.loader;
    wrapped.loader = async (args: DataArgs) => {
      // the page's loaders share what they look up per request (the signed-in user): see request-scope
      bindRequestScope(args.request, args.context);
      try {
        return finish(await inLocale(args.request, () => loader(args)));
      } catch (thrown) {
        throw finish(thrown);
      }
    };
  }
  return wrapped;
}

export function secureRoutes(routes: ServerBuild["routes"], options: RouteOptions = {}): ServerBuild["routes"] {
  return Object.fromEntries(
    Object.entries(routes).map(([id, route]) => [id, { ...route, module: secureRouteModule(route.module, options) }]),
  );
}
