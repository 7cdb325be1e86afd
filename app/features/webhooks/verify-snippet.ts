/**
 * The verification snippet the API reference page and docs/webhooks.md show.
 * It is kept here as text, once: the integration test evaluates this very
 * text to check real deliveries, so the documentation cannot drift from the
 * signing scheme.
 */
export const WEBHOOK_VERIFY_SNIPPET = `const crypto = require("node:crypto");

// secret: the endpoint's signing secret (whsec_…), shown when it was created or rotated
// headers: the request's headers, names in lower case (as Node's req.headers has them)
// rawBody: the request body exactly as received (a Buffer or string), before any JSON parsing
function verifyFlowdownWebhook(secret, headers, rawBody, now = Date.now()) {
  const timestamp = headers["flowdown-timestamp"];
  const signature = headers["flowdown-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  if (!/^\\d+$/.test(timestamp)) return false;
  // refuse deliveries signed more than 5 minutes from now: a replayed request is old
  if (Math.abs(now / 1000 - Number(timestamp)) > 5 * 60) return false;
  const expected = Buffer.from(
    crypto
      .createHmac("sha256", secret)
      .update(timestamp + ".")
      .update(rawBody)
      .digest("hex"),
    "utf8",
  );
  return signature
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => {
      const given = Buffer.from(part.substring(3), "utf8");
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    });
}`;
