import { AsyncLocalStorage } from "node:async_hooks";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import net, { type Socket } from "node:net";

/**
 * What the HTTP connection tells about a request, which remix-serve does not
 * pass on to Remix: the address of the peer that opened the connection (the
 * client, or the proxy in front of the portal). Node announces every request
 * on the `http.server.request.start` diagnostics channel before the server's
 * handler runs; the peer is kept in an AsyncLocalStorage for everything that
 * request's handling does. See docs/decisions/011-client-addresses.md.
 */
interface Connection {
  peer: string;
}

const connections = new AsyncLocalStorage<Connection>();

/**
 * The header a cross-site Origin is moved into before Remix sees the request:
 * Remix answers an Origin that differs from Host with a bare 500 before any
 * route code, where the portal's own check (security.server) answers with its
 * 403 page. A client cannot forge it: the hook below always replaces it.
 */
export const REFUSED_ORIGIN_HEADER = "x-flowdown-refused-origin";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** An address as one form: IPv4 clients of a dual-stack server show up as ::ffff:a.b.c.d. */
export function normaliseAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim();
  // "[::1]:8080", "203.0.113.9:4711" (some proxies add the client's port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return net.isIP(address) ? address.toLowerCase() : null;
}

/** The host Remix compares Origin with (X-Forwarded-Host, else Host). */
function remixHost(headers: IncomingMessage["headers"]): string | undefined {
  const forwarded = headers["x-forwarded-host"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || headers.host;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function onRequestStart(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  connections.enterWith({ peer: normaliseAddress(socket.remoteAddress) ?? "" });
  const headers = request.headers;
  delete headers[REFUSED_ORIGIN_HEADER];
  const origin = headers.origin;
  if (typeof origin !== "string" || !UNSAFE_METHODS.has(request.method ?? "")) return;
  const host = remixHost(headers);
  if (origin === "null" || !host || originHost(origin) !== host) {
    delete headers.origin;
    headers[REFUSED_ORIGIN_HEADER] = origin;
  }
}

const WATCHING = Symbol.for("flowdown.watchingConnections");

/** Called once by server.ts, before remix-serve takes requests (a development rebuild calls it again: no-op). */
export function watchConnections(): void {
  const g = globalThis as { [WATCHING]?: boolean };
  if (g[WATCHING]) return;
  g[WATCHING] = true;
  diagnostics.subscribe("http.server.request.start", onRequestStart);
}

/**
 * The address of the peer of the HTTP connection the current request came
 * in on; undefined when the code was not called by the HTTP server.
 */
export function connectionPeer(): string | undefined {
  return connections.getStore()?.peer;
}

/**
 * Runs `fn` as the handling of a request that arrived from `peer`, as the
 * HTTP server does for every request (for callers that hand a Request to
 * the routes themselves).
 */
export function onConnectionFrom<T>(peer: string, fn: () => T): T {
  return connections.run({ peer: normaliseAddress(peer) ?? "" }, fn);
}
