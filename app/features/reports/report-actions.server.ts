import { z } from "zod";
import { ReportRefusedError } from "#models/report.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { LOCALES, currentLocale, t } from "#app/i18n/messages.server";
import { authorOf, generateAgreementReport, generateAssessmentReport } from "./reports.server";

/** The button's form: the intent, and the language of the report's own words (default: the person's portal language). */
const ReportIntent = z.object({ intent: z.literal("report"), language: z.enum(LOCALES).optional() });

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
  const input = ReportIntent.safeParse(fields);
  if (!input.success)
    return {
      ok: false,
      status: 400,
      errors: {
        report: [
          input.error.issues.some((i) => i.path[0] === "language")
            ? t("pdf.form.badLanguage")
            : t("reports.refused.unknownAction"),
        ],
      },
    };
  const language = input.data.language ?? currentLocale();
  try {
    const author = authorOf(user);
    const origin = publicOrigin(request);
    const stored =
      target.kind === "assessment"
        ? await generateAssessmentReport(target.id, author, "on_demand", origin, language)
        : await generateAgreementReport(target.id, author, "on_demand", origin, language);
    return { ok: true, version: stored.version };
  } catch (error) {
    // a report that cannot be made now is said beside the button; anything else is a fault for the error boundary and the log
    if (error instanceof ReportRefusedError) return { ok: false, status: 409, errors: { report: [error.message] } };
    throw error;
  }
}
