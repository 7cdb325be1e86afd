import type { ActionFunctionArgs } from "@remix-run/node";
import type { AcceptBody } from "#app/lib/security.server";
import { requireApiCaller } from "#app/features/api/auth.server";
import { verifyReport } from "#app/features/api/reports.server";
import { answered, parseQuery, problem } from "#app/features/api/http.server";
import { NoQuery, Verification } from "#app/features/api/schemas";

/** The PDF itself may be sent, as the verify page takes it: up to 50 MB, hashed as it streams. */
export const acceptBody: AcceptBody = { types: ["application/pdf"], maxBytes: 50 * 1024 * 1024 };

/** Verifies a report: POST only (the hash, or the PDF itself). */
export function loader() {
  return problem("method-not-allowed", "Verify a report with POST.", { headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST")
    throw problem("method-not-allowed", "Verify a report with POST.", { headers: { Allow: "POST" } });
  // verifying changes nothing: a read token may
  await requireApiCaller(request);
  parseQuery(request, NoQuery);
  return answered(Verification, await verifyReport(request));
}
