import mongoose from "mongoose";
import { Agreement } from "#models/agreement.server";
import {
  Assessment,
  EDITABLE_STATUSES,
  RevisionConflictError,
  TransitionError,
  transitionAssessment,
} from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { clientIp } from "#app/lib/http.server";
import { sendMail } from "#app/lib/mail.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { rescore } from "./scoring.server";
import { askedTemplateFor, missingRequiredAnswers } from "./survey-model.server";
import { said } from "#app/scoring/said";
import { feedProfileFromSubmission, reuseCounts, unconfirmedVisible } from "#app/features/prefill/prefill.server";
import { assessmentEventData, recordWebhookEvent } from "#app/features/webhooks/events.server";

export type SubmitResult =
  | { kind: "submitted"; score: number }
  | { kind: "already-submitted" }
  | { kind: "incomplete"; missing: { name: string; title: string; page: string }[] }
  /** answers offered from the supplier's profile that it has not confirmed or changed yet */
  | { kind: "unconfirmed"; pending: { name: string; title: string; page: string }[] }
  | { kind: "remediation-open" }
  | { kind: "missing" };

/**
 * Submits once: the status change is conditional on the assessment still
 * being open, so a double click or a retry finds it submitted and changes nothing.
 */
export async function submitAssessment(
  user: CurrentUser,
  id: string,
  request: Request,
  attempt = 0,
): Promise<SubmitResult> {
  if (!mongoose.isValidObjectId(id)) return { kind: "missing" };
  const assessment = await Assessment.findOne({ _id: id, supplierOrgId: user.orgId }).lean();
  if (!assessment) return { kind: "missing" };
  if (!EDITABLE_STATUSES.includes(assessment.status)) return { kind: "already-submitted" };
  if ((assessment.remediation ?? []).some((r) => r.status === "open")) return { kind: "remediation-open" };
  // only the questions asked: a questionnaire tailored to the agreement requires no others
  const template = await askedTemplateFor(assessment);
  // nothing offered from the profile is submitted unconfirmed (offered answers of hidden questions never count)
  const pending = unconfirmedVisible(template, assessment);
  if (pending.length) return { kind: "unconfirmed", pending };
  const missing = missingRequiredAnswers(template, assessment.answers ?? {});
  if (missing.length) return { kind: "incomplete", missing };

  let submitted;
  try {
    submitted = await transitionAssessment(
      id,
      "submitted",
      { userId: user.id, name: user.name },
      "",
      { submittedAt: new Date() },
      assessment.revision,
    );
  } catch (error) {
    if (!(error instanceof RevisionConflictError || error instanceof TransitionError)) throw error;
    const current = await Assessment.findById(id, { status: 1 }).lean();
    if (current && !EDITABLE_STATUSES.includes(current.status)) return { kind: "already-submitted" };
    if (attempt >= 3) throw error;
    // answers were saved between our read and the submit: check again with the newer answers
    return submitAssessment(user, id, request, attempt + 1);
  }
  const agreement = await Agreement.findById(submitted.agreementId).lean();
  if (!agreement) throw new Error(`Agreement ${String(submitted.agreementId)} of assessment ${id} is missing`);
  const { result } = await rescore(submitted, agreement, { trigger: said("chain.trigger.submitted") });
  const reused = reuseCounts(submitted);
  try {
    // the supplier's profile keeps what it just submitted, for the next questionnaire to offer
    await feedProfileFromSubmission(user, submitted);
  } catch (error) {
    console.error(`the profile of supplier ${user.orgId} could not keep the answers of assessment ${id}`, error);
  }
  await recordAudit({
    action: "assessment.submit",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "assessment",
    targetId: id,
    details: {
      score: result.score,
      rating: result.rating,
      template: submitted.templateVersion,
      catalogue: submitted.catalogueVersion,
      reusedAnswers: reused.confirmed + reused.changed,
      reusedConfirmed: reused.confirmed,
      reusedChanged: reused.changed,
    },
    ip: clientIp(request),
  });
  await recordWebhookEvent({
    type: "assessment.submitted",
    orgIds: [submitted.ownerOrgId],
    data: assessmentEventData({ ...submitted, result }),
  });
  await recordAudit({
    action: "assessment.score",
    targetType: "assessment",
    targetId: id,
    details: { score: result.score, rating: result.rating, evaluationDate: result.evaluationDate },
  });

  const reviewers = await User.find({ orgId: submitted.ownerOrgId, role: "procurement" }, { email: 1 }).lean();
  const link = `${publicOrigin(request)}/procurement/assessments/${id}`;
  for (const r of reviewers) {
    const locale = await localeOfRecipient(r.email, currentLocale());
    const values = { supplier: user.org.name, agreement: agreement.reference };
    await sendMail({
      to: r.email,
      subject: tIn(locale, "assessments.mail.submission.subject", values),
      text: tIn(locale, "assessments.mail.submission.body", {
        ...values,
        score: result.score,
        risk: tIn(locale, "review.risk", { rating: result.rating }),
        link,
      }),
      kind: "submission",
      relatedType: "assessment",
      relatedId: id,
    });
  }
  return { kind: "submitted", score: result.score };
}
