import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { downloadDestructionCertificate } from "#app/features/destruction/certificates.server";
import { evidenceResponse } from "#app/features/evidence/evidence.server";
import { notFound } from "#app/lib/http.server";

/**
 * A holder's certificate of destruction: for the holder, the holders above
 * it in that milestone's chain, the recipient's procurement and the
 * disclosing party of the agreement; a 404 for anyone else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ["supplier", "procurement", "discloser"] });
  const file = await downloadDestructionCertificate(user, params.requestId ?? "", request);
  if (!file) notFound();
  return evidenceResponse(file.info, file.stream);
}
