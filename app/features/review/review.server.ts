import crypto from "node:crypto";
import { sayIssue } from "#app/lib/forms.server";
import type { Types } from "mongoose";
import { z } from "zod";
import type { RequirementStatus } from "#app/scoring/types";
import { Agreement } from "#models/agreement.server";
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_TRANSITIONS,
  mutateAssessment,
  TransitionError,
  type AssessmentData,
  type AssessmentStatus,
  type RemediationItem,
} from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { isIsoDate } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { Refusal, said } from "#models/refusal";
import { said as saidReason, type Reason } from "#app/scoring/said";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { publicOrigin } from "#app/lib/env.server";
import { authorOf, generateAssessmentReport } from "#app/features/reports/reports.server";
import { clientIp } from "#app/lib/http.server";
import { sendMail } from "#app/lib/mail.server";
import { limitedText, tooLong } from "#app/lib/text-limits";
import { REVIEW_LIMITS } from "./review-limits";
import { rescore } from "#app/features/assessments/scoring.server";
import { refreshAssessmentResult } from "#app/features/assessments/freshness.server";
import { deleteEvidence } from "#app/features/evidence/evidence.server";
import type { UploadOutcome } from "#app/features/evidence/uploads.server";
import { sendTriggeredReassessments } from "#app/features/reassessment/reassessment.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { formatDay } from "#app/i18n/format";
import { assessmentEventData, recordWebhookEvent } from "#app/features/webhooks/events.server";
import type { Locale } from "#app/i18n/locales";
import { currentLocale, say, tIn } from "#app/i18n/messages.server";

/** Statuses a reviewer may decide in: approving (or rejecting) may follow them. */
export const DECIDABLE_STATUSES: AssessmentStatus[] = ASSESSMENT_STATUSES.filter((s) =>
  ASSESSMENT_TRANSITIONS[s].includes("approved"),
);

/** Statuses a reviewer may work in (override results): under review, or one that may go to review. */
export const REVIEWABLE_STATUSES: AssessmentStatus[] = ASSESSMENT_STATUSES.filter(
  (s) => s === "under_review" || ASSESSMENT_TRANSITIONS[s].includes("under_review"),
);

export const OverrideSchema = z.object({
  requirementId: z.string().regex(/^FD-[A-Z]{2,5}-\d{2,3}$/, "review.override.unknownRequirement"),
  status: z.enum(["met", "partially_met", "not_met", "not_answered"], { error: "review.override.chooseResult" }),
  justification: z
    .string()
    .trim()
    .min(10, "review.override.tooShort")
    .max(REVIEW_LIMITS.justification, tooLong("The justification", REVIEW_LIMITS.justification)),
});

export const RemediationSchema = z.object({
  items: z
    .array(
      z.object({
        requirementId: z.string().regex(/^FD-[A-Z]{2,5}-\d{2,3}$/, "review.remediationForm.chooseRequirement"),
        description: limitedText("The description", REVIEW_LIMITS.remediationDescription).min(
          5,
          "review.remediationForm.describe",
        ),
        dueDate: z
          .string()
          .refine(isIsoDate, "review.dateFormat")
          .refine((d) => d >= todayIso(), "review.dueInPast"),
      }),
    )
    .min(1, "review.remediationForm.atLeastOne")
    .max(50),
});

export const DecisionSchema = z
  .object({
    decision: z.enum(["approved", "rejected"]),
    comment: limitedText("The comment", REVIEW_LIMITS.comment),
  })
  .refine((v) => v.decision !== "rejected" || v.comment.length >= 10, {
    path: ["comment"],
    message: "review.decision.explainRejection",
  });

function actor(user: CurrentUser) {
  return { id: user.id, email: user.email, orgId: user.orgId };
}

async function rescoreStored(a: AssessmentData & { _id: Types.ObjectId }, trigger: Reason) {
  const agreement = await Agreement.findById(a.agreementId).lean();
  if (!agreement) throw new Error("The assessment's agreement is missing");
  return (await rescore(a, agreement, { trigger })).result;
}

/** E-mails the supplier's users, each in their own language: `write` says the subject and text in it. */
async function mailSupplier(
  a: AssessmentData,
  write: (locale: Locale) => { subject: string; text: string },
  kind: string,
  request: Request,
) {
  const users = await User.find({ orgId: a.supplierOrgId, role: "supplier" }, { email: 1 }).lean();
  const link = `${publicOrigin(request)}/supplier/assessments/${String((a as { _id?: unknown })._id)}`;
  for (const u of users) {
    const { subject, text } = write(await localeOfRecipient(u.email, currentLocale()));
    await sendMail({
      to: u.email,
      subject,
      text: `${text}\n\n${link}`,
      kind,
      relatedType: "assessment",
      relatedId: String((a as { _id?: unknown })._id),
    });
  }
}

/** Sets a requirement's result by hand; the computed result stays beside it, and the score is recomputed. */
export async function overrideRequirement(
  user: CurrentUser,
  id: string,
  input: z.infer<typeof OverrideSchema>,
  request: Request,
) {
  let computed: RequirementStatus | null = null;
  const updated = await mutateAssessment(id, (a) => {
    if (!REVIEWABLE_STATUSES.includes(a.status))
      return new Refusal(said("review.refusal.cannotOverride", { status: a.status }));
    const req = a.result?.requirements.find((r) => r.requirementId === input.requirementId);
    if (!req) return new Refusal("review.refusal.notPartOfAssessment");
    computed = req.computedStatus;
    return {
      push: {
        overrides: {
          requirementId: input.requirementId,
          status: input.status,
          justification: input.justification,
          byUserId: user.id,
          byName: user.name,
          at: new Date(),
        },
      },
    };
  });
  const result = await rescoreStored(
    updated,
    saidReason("chain.trigger.overridden", { requirement: input.requirementId, name: user.name }),
  );
  await recordAudit({
    action: "assessment.override",
    actor: actor(user),
    targetType: "assessment",
    targetId: id,
    details: {
      requirement: input.requirementId,
      computed: computed ?? "",
      status: input.status,
      justification: input.justification,
      score: result.score,
    },
    ip: clientIp(request),
  });
  return result;
}

export async function requestRemediation(
  user: CurrentUser,
  id: string,
  input: z.infer<typeof RemediationSchema>,
  request: Request,
) {
  const now = new Date();
  const items: RemediationItem[] = input.items.map((i) => ({
    key: crypto.randomBytes(6).toString("hex"),
    requirementId: i.requirementId,
    description: i.description,
    dueDate: i.dueDate,
    status: "open",
    response: "",
    evidence: [],
    requestedBy: user.name,
    requestedAt: now,
    answeredBy: null,
    answeredAt: null,
  }));
  const updated = await mutateAssessment(id, (a) => {
    if (!ASSESSMENT_TRANSITIONS[a.status].includes("remediation_requested"))
      return new TransitionError(a.status, "remediation_requested");
    const known = new Set(a.result?.requirements.map((r) => r.requirementId) ?? []);
    if (items.some((i) => !known.has(i.requirementId)))
      return new Refusal("review.refusal.remediationUnknownRequirement");
    const open = a.remediation.filter((r) => r.status !== "accepted").length + items.length;
    return {
      status: "remediation_requested",
      history: {
        from: a.status,
        to: "remediation_requested",
        at: now,
        byUserId: user.id as never,
        byName: user.name,
        comment: `${items.length} remediation item${items.length === 1 ? "" : "s"}`,
      },
      extra: { remediation: [...a.remediation, ...items], "summary.openRemediation": open },
    };
  });
  await recordWebhookEvent({
    type: "assessment.remediation_requested",
    orgIds: [updated.ownerOrgId],
    data: {
      ...assessmentEventData(updated),
      remediation: items.map((i) => ({ requirementId: i.requirementId, dueDate: i.dueDate })),
    },
  });
  await recordAudit({
    action: "assessment.remediation_requested",
    actor: actor(user),
    targetType: "assessment",
    targetId: id,
    details: { items: items.length, requirements: items.map((i) => i.requirementId).join(" ") },
    ip: clientIp(request),
  });
  await mailSupplier(
    updated,
    (locale) => ({
      subject: tIn(locale, "review.mail.remediation.subject", { count: items.length }),
      text: tIn(locale, "review.mail.remediation.body", {
        org: user.org.name,
        items: items
          .map((i) =>
            tIn(locale, "review.mail.remediation.item", {
              requirement: i.requirementId,
              description: i.description,
              due: formatDay(locale, i.dueDate),
            }),
          )
          .join("\n"),
      }),
    }),
    "remediation",
    request,
  );
  return updated;
}

export async function decide(user: CurrentUser, id: string, input: z.infer<typeof DecisionSchema>, request: Request) {
  // a decision is taken on the result as the terms and certificates are now, never on an outdated one
  await refreshAssessmentResult(id, saidReason("chain.trigger.beforeDecision"));
  const updated = await mutateAssessment(id, (a) => {
    if (!ASSESSMENT_TRANSITIONS[a.status].includes(input.decision))
      return new TransitionError(a.status, input.decision);
    if (!a.result) return new Refusal("review.refusal.noScore");
    return {
      // the result approved on is kept: later re-scoring stores the current one beside it
      extra:
        input.decision === "approved"
          ? { approvedResult: a.result, approvedBasis: a.resultBasis, "summary.drift": [] }
          : { approvedResult: null, approvedBasis: null, "summary.drift": [] },
      status: input.decision,
      history: {
        from: a.status,
        to: input.decision,
        at: new Date(),
        byUserId: user.id as never,
        byName: user.name,
        comment: input.comment,
      },
    };
  });
  await recordWebhookEvent({
    type: input.decision === "approved" ? "assessment.approved" : "assessment.rejected",
    orgIds: [updated.ownerOrgId],
    data: assessmentEventData(updated),
  });
  await recordAudit({
    action: `assessment.${input.decision}`,
    actor: actor(user),
    targetType: "assessment",
    targetId: id,
    details: { comment: input.comment, score: updated.result?.score ?? null },
    ip: clientIp(request),
  });
  await mailSupplier(
    updated,
    (locale) => ({
      subject: tIn(locale, "review.mail.decision.subject", { decision: input.decision }),
      text:
        tIn(locale, "review.mail.decision.body", { org: user.org.name, decision: input.decision }) +
        (input.comment ? `\n${tIn(locale, "review.mail.decision.comment", { comment: input.comment })}` : ""),
    }),
    "decision",
    request,
  );
  if (input.decision === "approved") {
    // the approved state is what auditors and the disclosing party receive: keep a report of it
    try {
      await generateAssessmentReport(id, authorOf(user), "approval", publicOrigin(request));
    } catch (error) {
      // the approval stands; the report can be generated from the page
      console.error("report on approval failed", error);
    }
    // a rating that fell brings the next re-assessment forward: sent now, not at the next hourly run
    await sendTriggeredReassessments(
      { agreementId: String(updated.agreementId), supplierId: String(updated.supplierOrgId) },
      publicOrigin(request),
    );
  }
  return updated;
}

export const ReapprovalSchema = z.object({
  comment: limitedText("The comment", REVIEW_LIMITS.comment).min(10, "review.drift.sayWhy"),
});

/**
 * An approved assessment whose current result differs from the one it was
 * approved on: the reviewer approves the current result (with a reason), or
 * requests remediation instead. Refused when there is nothing to re-approve.
 */
export async function approveCurrentResult(
  user: CurrentUser,
  id: string,
  input: z.infer<typeof ReapprovalSchema>,
  request: Request,
) {
  await refreshAssessmentResult(id, saidReason("chain.trigger.beforeDecision"));
  const updated = await mutateAssessment(id, (a) => {
    if (a.status !== "approved") return new Refusal("review.refusal.onlyApproved");
    if (!a.result || !(a.summary?.drift ?? []).length) return new Refusal("review.refusal.nothingToReapprove");
    return {
      status: "approved",
      history: {
        from: "approved",
        to: "approved",
        at: new Date(),
        byUserId: user.id as never,
        byName: user.name,
        comment: `Approved the current result: ${input.comment}`,
      },
      extra: { approvedResult: a.result, approvedBasis: a.resultBasis, "summary.drift": [] },
    };
  });
  await recordAudit({
    action: "assessment.reapproved",
    actor: actor(user),
    targetType: "assessment",
    targetId: id,
    details: { comment: input.comment, score: updated.result?.score ?? null, rating: updated.result?.rating ?? "" },
    ip: clientIp(request),
  });
  return updated;
}

export const RemediationAnswerSchema = z.object({
  responses: z
    .array(
      z.object({
        key: z.string().regex(/^[0-9a-f]{12}$/),
        response: limitedText("Your answer", REVIEW_LIMITS.remediationResponse).min(1, "review.answer.required"),
        evidence: z.array(z.string().regex(/^\/evidence\/[0-9a-f]{24}$/)).max(20),
      }),
    )
    .min(1),
});

/** The supplier answers the open remediation items; the assessment goes back for review and is scored again. */
export async function answerRemediation(
  user: CurrentUser,
  id: string,
  input: z.infer<typeof RemediationAnswerSchema>,
  request: Request,
) {
  const now = new Date();
  const updated = await mutateAssessment(id, (a) => {
    if (String(a.supplierOrgId) !== user.orgId) return new Refusal("review.refusal.notFound");
    if (a.status !== "remediation_requested") return new TransitionError(a.status, "submitted");
    const byKey = new Map(input.responses.map((r) => [r.key, r]));
    const open = a.remediation.filter((r) => r.status === "open");
    const missing = open.filter((r) => !byKey.has(r.key));
    if (missing.length)
      return new Refusal(
        said("review.refusal.answerOpenItems", { list: missing.map((m) => m.requirementId).join(", ") }),
      );
    const remediation = a.remediation.map((r) => {
      const answer = byKey.get(r.key);
      return answer && r.status === "open"
        ? {
            ...r,
            status: "answered" as const,
            response: answer.response,
            evidence: answer.evidence,
            answeredBy: user.name,
            answeredAt: now,
          }
        : r;
    });
    return {
      status: "submitted",
      history: {
        from: a.status,
        to: "submitted",
        at: now,
        byUserId: user.id as never,
        byName: user.name,
        comment: "Remediation answered",
      },
      extra: { remediation, submittedAt: now, "summary.openRemediation": 0 },
    };
  });
  const result = await rescoreStored(updated, saidReason("chain.trigger.remediationAnswered"));
  await recordAudit({
    action: "assessment.remediation_answered",
    actor: actor(user),
    targetType: "assessment",
    targetId: id,
    details: { items: input.responses.length, score: result.score },
    ip: clientIp(request),
  });
  const reviewers = await User.find({ orgId: updated.ownerOrgId, role: "procurement" }, { email: 1 }).lean();
  for (const r of reviewers) {
    const locale = await localeOfRecipient(r.email, currentLocale());
    await sendMail({
      to: r.email,
      subject: tIn(locale, "review.mail.answered.subject", { org: user.org.name }),
      text: `${tIn(locale, "review.mail.answered.body", { org: user.org.name, count: input.responses.length, score: result.score })}\n\n${publicOrigin(request)}/procurement/assessments/${id}`,
      kind: "remediation-answered",
      relatedType: "assessment",
      relatedId: id,
    });
  }
  return result;
}

/** What is wrong with the answers, beside each item's field ("response.<key>") and, in short, for the whole form. */
function remediationAnswerRefusal(error: z.ZodError, open: { key: string; requirementId: string }[]): Refusal {
  const fieldErrors: Record<string, string[]> = {};
  const lines: string[] = [];
  for (const issue of error.issues) {
    const item = issue.path[0] === "responses" ? open[Number(issue.path[1])] : undefined;
    if (!item || issue.path[2] !== "response") continue;
    (fieldErrors[`response.${item.key}`] ??= []).push(sayIssue(issue));
    // the message is a catalogue id (or a too-long text already said); said here, in the request's language
    lines.push(
      say({ id: "review.refusal.itemLine", values: { requirement: item.requirementId, message: say(issue.message) } }),
    );
  }
  return new Refusal(lines.length ? lines.join(" ") : "review.refusal.answerBeforeSending", {
    fieldErrors,
  });
}

/**
 * The supplier's answer to the open remediation items, as uploaded: a text
 * response per item and its evidence files. A refused answer leaves none of
 * the uploaded files behind.
 */
export async function answerRemediationUpload(
  user: CurrentUser,
  assessment: AssessmentData & { _id: Types.ObjectId },
  upload: UploadOutcome,
  request: Request,
) {
  if (!upload.ok) throw new Refusal(upload.error, { status: upload.status });
  const open = assessment.remediation.filter((r) => r.status === "open");
  const responses = open.map((r) => ({
    key: r.key,
    response: (upload.fields[`response.${r.key}`] ?? "").trim(),
    evidence: upload.files.filter((f) => f.field === `evidence.${r.key}`).map((f) => `/evidence/${f.id}`),
  }));
  const parsed = RemediationAnswerSchema.safeParse({ responses });
  try {
    if (!parsed.success) throw remediationAnswerRefusal(parsed.error, open);
    return await answerRemediation(user, String(assessment._id), parsed.data, request);
  } catch (error) {
    for (const f of upload.files) await deleteEvidence(f.id, user.orgId);
    throw error;
  }
}
