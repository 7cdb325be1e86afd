import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { getAssessmentFor } from "#app/features/assessments/assessments.server";
import { workbookDownload } from "#app/features/workbook/workbook-import.server";
import { workbookResponse } from "#app/features/workbook/workbook-response.server";
import { notFound } from "#app/lib/http.server";

/** A questionnaire the organisation sent, as the XLSX workbook its supplier can answer offline. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  return workbookResponse(await workbookDownload(user, assessment, request));
}
