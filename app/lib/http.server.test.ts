import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onConnectionFrom } from "./connection.server";
import { clientIp } from "./http.server";

const saved = { MONGODB_URI: process.env.MONGODB_URI, TRUST_PROXY: process.env.TRUST_PROXY };

beforeEach(() => {
  process.env.MONGODB_URI = "mongodb://127.0.0.1:27017/flowdown";
  delete process.env.TRUST_PROXY;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function forwarded(value?: string): Request {
  return new Request("http://localhost/login", { headers: value === undefined ? {} : { "X-Forwarded-For": value } });
}

describe("the client's address", () => {
  it("is the connection's peer, whatever X-Forwarded-For or X-Real-IP a client sends, unless TRUST_PROXY is set", () => {
    const request = forwarded("198.51.100.1");
    request.headers.set("X-Real-IP", "198.51.100.2");
    expect(onConnectionFrom("203.0.113.5", () => clientIp(request))).toBe("203.0.113.5");
    // IPv4 clients of a dual-stack listener
    expect(onConnectionFrom("::ffff:203.0.113.5", () => clientIp(forwarded()))).toBe("203.0.113.5");
  });

  it("is unknown (empty) for a request that did not come through the HTTP server", () => {
    expect(clientIp(forwarded("198.51.100.1"))).toBe("");
  });

  it("is read from X-Forwarded-For past the proxies named in TRUST_PROXY, from its right end", () => {
    process.env.TRUST_PROXY = "10.0.0.5";
    // the client wrote the left entry itself; the proxy appended the address it saw
    const request = forwarded("198.51.100.1, 192.0.2.9");
    expect(onConnectionFrom("10.0.0.5", () => clientIp(request))).toBe("192.0.2.9");
    // a peer that is not a named proxy is the client, whatever it forwards
    expect(onConnectionFrom("10.0.0.6", () => clientIp(request))).toBe("10.0.0.6");
    // no header from the proxy: the proxy is all that is known
    expect(onConnectionFrom("10.0.0.5", () => clientIp(forwarded()))).toBe("10.0.0.5");
  });

  it("walks a chain of trusted proxies, ranges and names included, and stops at a malformed entry", () => {
    process.env.TRUST_PROXY = "10.0.0.0/8, loopback";
    const chain = forwarded("198.51.100.1, 203.0.113.7:4711, 10.1.2.3");
    expect(onConnectionFrom("::ffff:127.0.0.1", () => clientIp(chain))).toBe("203.0.113.7");
    expect(onConnectionFrom("::1", () => clientIp(forwarded("[2001:db8::1]:443")))).toBe("2001:db8::1");
    expect(onConnectionFrom("127.0.0.1", () => clientIp(forwarded("198.51.100.1, unknown, 10.0.0.9")))).toBe(
      "10.0.0.9",
    );
  });
});
