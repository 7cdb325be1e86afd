import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentedVerifier } from "#tests/helpers/webhook-snippet";
import {
  backoffMs,
  checkEndpointUrl,
  MAX_RETRY_MS,
  nextAttemptAfter,
  RETRY_FOR_MS,
  signatureHeader,
  signatureOf,
} from "./signing";
import { WEBHOOK_VERIFY_SNIPPET } from "./verify-snippet";

const MINUTE = 60_000;

describe("webhook retries", () => {
  it("wait 1, 2, 4, 8 … minutes after each failed attempt, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([1, 2, 4, 8, 16, 32, 60].map((m) => m * MINUTE));
    expect(backoffMs(50)).toBe(MAX_RETRY_MS);
    expect(() => backoffMs(0)).toThrow();
  });

  it("stop a day after the event: the attempt that would fall after that is not scheduled", () => {
    const start = new Date("2026-12-06T10:00:00Z");
    const giveUp = new Date(start.getTime() + RETRY_FOR_MS);
    let at = start;
    let n = 1;
    const times: Date[] = [];
    for (let next = nextAttemptAfter(n, at, giveUp); next; next = nextAttemptAfter(++n, at, giveUp)) {
      times.push(next);
      at = next;
    }
    expect(times.at(-1)!.getTime()).toBeLessThanOrEqual(giveUp.getTime());
    expect(giveUp.getTime() - times.at(-1)!.getTime()).toBeLessThan(MAX_RETRY_MS);
    // 1+2+…+32 minutes, then hourly for the rest of the day
    expect(times.length).toBeGreaterThan(25);
    expect(times.length).toBeLessThan(32);
  });
});

describe("webhook signatures", () => {
  const secret = "whsec_test-secret";
  const body = JSON.stringify({ id: "evt_1", type: "assessment.submitted", data: { ü: "ß" } });
  const ts = 1_796_000_000;

  it("are the hex HMAC-SHA256 of '<timestamp>.<raw body>' with the endpoint's secret", () => {
    const expected = crypto.createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex");
    expect(signatureOf(secret, ts, body)).toBe(expected);
    expect(signatureHeader(secret, ts, body)).toBe(`v1=${expected}`);
  });

  it("verify with the documented snippet, and not with another secret, body or an old timestamp", () => {
    const verify = documentedVerifier();
    const headers = { "flowdown-timestamp": String(ts), "flowdown-signature": signatureHeader(secret, ts, body) };
    const now = ts * 1000;
    expect(verify(secret, headers, body, now)).toBe(true);
    expect(verify(secret, headers, Buffer.from(body), now + 4 * MINUTE)).toBe(true);
    expect(verify("whsec_other", headers, body, now)).toBe(false);
    expect(verify(secret, headers, body.replace("ß", "ss"), now)).toBe(false);
    expect(verify(secret, headers, body, now + 6 * MINUTE)).toBe(false);
    expect(verify(secret, { ...headers, "flowdown-signature": "v1=00" }, body, now)).toBe(false);
    expect(verify(secret, { "flowdown-signature": headers["flowdown-signature"] }, body, now)).toBe(false);
  });
});

describe("webhook endpoint URLs", () => {
  it("are https, or http only to this computer", () => {
    expect(checkEndpointUrl("https://hooks.example.com/flowdown")).toEqual({
      ok: true,
      url: "https://hooks.example.com/flowdown",
    });
    for (const local of ["http://127.0.0.1:4000/hook", "http://localhost/x", "http://[::1]:8080/"])
      expect(checkEndpointUrl(local).ok).toBe(true);
    expect(checkEndpointUrl("http://hooks.example.com/flowdown")).toEqual({ ok: false, reason: "scheme" });
    expect(checkEndpointUrl("http://127.0.0.1.example.com/")).toEqual({ ok: false, reason: "scheme" });
    expect(checkEndpointUrl("ftp://example.com/")).toEqual({ ok: false, reason: "scheme" });
    expect(checkEndpointUrl("data:text/plain,hi")).toEqual({ ok: false, reason: "scheme" });
  });

  it("refuse credentials and what is not a URL", () => {
    expect(checkEndpointUrl("https://user:pw@hooks.example.com/")).toEqual({ ok: false, reason: "credentials" });
    expect(checkEndpointUrl("https://token@hooks.example.com/")).toEqual({ ok: false, reason: "credentials" });
    expect(checkEndpointUrl("hooks.example.com/flowdown")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("the webhook documentation", () => {
  it("prints the very snippet the tests verify deliveries with", () => {
    const doc = readFileSync("docs/webhooks.md", "utf8");
    expect(doc).toContain(WEBHOOK_VERIFY_SNIPPET);
    expect(doc).toContain("crypto.timingSafeEqual");
  });
});
