import { createRequire } from "node:module";
import { WEBHOOK_VERIFY_SNIPPET } from "#app/features/webhooks/verify-snippet";

export type VerifyFlowdownWebhook = (
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string | Buffer,
  now?: number,
) => boolean;

/**
 * The verification function exactly as the API reference and docs/webhooks.md
 * print it: the documented text is evaluated, not a copy of it, so a test that
 * verifies deliveries with this fails when the documentation is wrong.
 */
export function documentedVerifier(): VerifyFlowdownWebhook {
  // eslint-disable-next-line no-new-func -- evaluating the documented text is the point
  const build = new Function("require", `${WEBHOOK_VERIFY_SNIPPET}\nreturn verifyFlowdownWebhook;`) as (
    req: NodeRequire,
  ) => VerifyFlowdownWebhook;
  return build(createRequire(import.meta.url));
}
