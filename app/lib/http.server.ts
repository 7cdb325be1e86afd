import net from "node:net";
import { connectionPeer, normaliseAddress } from "./connection.server";
import { getEnv, PROXY_RANGES } from "./env.server";
import { say } from "#app/i18n/messages.server";

/** Throws a Response (rendered by the nearest ErrorBoundary) unless `condition` holds. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(say(message), {
      ...init,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers },
    });
  }
}

/** A 404, said in the request's language (a catalogue id, or text as it is). */
export function notFound(message = "common.notFound"): never {
  throw new Response(say(message), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

let proxies: { entries: string[]; list: net.BlockList } | null = null;

/** TRUST_PROXY as a list to check addresses against; null when unset. */
function trustedProxies(): net.BlockList | null {
  const entries = getEnv().TRUST_PROXY;
  if (!entries) return null;
  if (proxies?.entries === entries) return proxies.list;
  const list = new net.BlockList();
  for (const entry of entries.flatMap((e) => PROXY_RANGES[e.toLowerCase()] ?? [e])) {
    const [address, prefix] = entry.split("/");
    const type = net.isIPv6(address) ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  proxies = { entries, list };
  return list;
}

function isTrustedProxy(list: net.BlockList, address: string): boolean {
  return address !== "" && list.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

/**
 * The client's address: the peer of the connection, unless that peer is a
 * proxy named in TRUST_PROXY; then X-Forwarded-For is read from its right
 * end (what the nearest proxy appended) past every trusted proxy, and the
 * first address not trusted is the client's. What an untrusted peer puts in
 * X-Forwarded-For is ignored, so a client cannot choose its own address.
 * "" when the request did not come through the HTTP server.
 */
export function clientIp(request: Request): string {
  let client = connectionPeer();
  if (client === undefined) return "";
  const trusted = trustedProxies();
  if (!trusted) return client;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",") ?? [];
  for (const hop of forwarded.reverse()) {
    if (!isTrustedProxy(trusted, client)) break;
    const address = normaliseAddress(hop);
    // a malformed entry: keep the last address that is known for certain
    if (!address) break;
    client = address;
  }
  return client;
}

/** Only same-site relative paths: never redirect a user off the portal. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
