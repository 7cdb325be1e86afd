import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { downloadEvidence } from "#app/features/evidence/downloads.server";
import { evidenceResponse } from "#app/features/evidence/evidence.server";
import { notFound } from "#app/lib/http.server";

/** Downloads an evidence file: for the supplier's own users and the procurement teams that manage the supplier. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ["supplier", "procurement"] });
  const file = await downloadEvidence(user, params.id ?? "", request);
  if (!file) notFound();
  return evidenceResponse(file.info, file.stream);
}
