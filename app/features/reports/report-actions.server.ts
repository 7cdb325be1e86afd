import { z } from "zod";
import { ReportRefusedError } from "#models/report.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { t } from "#app/i18n/messages.server";
import { authorOf, generateAgreementReport, generateAssessmentReport } from "./reports.server";

const ReportIntent = z.object({ intent: z.literal("report") });

export type ReportActionOutcome =
  | { ok: true; version: number }
  | { ok: false; status: number; errors: Record<string, string[]> };

/**
 * The "generate a new version" button of the review and agreement pages.
 * The caller has already checked that the user may see the assessment or
 * agreement; this parses the form and generates.
 */
export async function reportActionFor(
  user: CurrentUser,
  request: Request,
  target: { kind: "assessment" | "agreement"; id: string },
  parsedFields?: Record<string, unknown>,
): Promise<ReportActionOutcome> {
  const fields = parsedFields ?? Object.fromEntries(await request.formData());
  if (!ReportIntent.safeParse(fields).success)
    return { ok: false, status: 400, errors: { report: [t("reports.refused.unknownAction")] } };
  try {
    const author = authorOf(user);
    const origin = publicOrigin(request);
    const stored =
      target.kind === "assessment"
        ? await generateAssessmentReport(target.id, author, "on_demand", origin)
        : await generateAgreementReport(target.id, author, "on_demand", origin);
    return { ok: true, version: stored.version };
  } catch (error) {
    // a report that cannot be made now is said beside the button; anything else is a fault for the error boundary and the log
    if (error instanceof ReportRefusedError) return { ok: false, status: 409, errors: { report: [error.message] } };
    throw error;
  }
}
