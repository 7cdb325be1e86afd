import crypto from "node:crypto";
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
import { Refusal } from "#models/refusal";
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

/** Statuses a reviewer may decide in: approving (or rejecting) may follow them. */
export const DECIDABLE_STATUSES: AssessmentStatus[] = ASSESSMENT_STATUSES.filter((s) =>
  ASSESSMENT_TRANSITIONS[s].includes("approved"),
);

/** Statuses a reviewer may work in (override results): under review, or one that may go to review. */
export const REVIEWABLE_STATUSES: AssessmentStatus[] = ASSESSMENT_STATUSES.filter(
  (s) => s === "under_review" || ASSESSMENT_TRANSITIONS[s].includes("under_review"),
);

export const OverrideSchema = z.object({
  requirementId: z.string().regex(/^FD-[A-Z]{2,5}-\d{2,3}$/, "Unknown requirement"),
  status: z.enum(["met", "partially_met", "not_met", "not_answered"], { error: "Choose the result" }),
  justification: z
    .string()
    .trim()
    .min(10, "Write a justification of at least 10 characters: it is shown wherever the result appears")
    .max(REVIEW_LIMITS.justification, tooLong("The justification", REVIEW_LIMITS.justification)),
});

export const RemediationSchema = z.object({
  items: z
    .array(
      z.object({
        requirementId: z.string().regex(/^FD-[A-Z]{2,5}-\d{2,3}$/, "Choose a requirement"),
        description: limitedText("The description", REVIEW_LIMITS.remediationDescription).min(
          5,
          "Describe what the supplier must do",
        ),
        dueDate: z
          .string()
          .refine(isIsoDate, "Enter a date as YYYY-MM-DD")
          .refine((d) => d >= todayIso(), "The due date cannot be in the past"),
      }),
    )
    .min(1, "Add at least one remediation item")
    .max(50),
});

export const DecisionSchema = z
  .object({
    decision: z.enum(["approved", "rejected"]),
    comment: limitedText("The comment", REVIEW_LIMITS.comment),
  })
  .refine((v) => v.decision !== "rejected" || v.comment.length >= 10, {
    path: ["comment"],
    message: "Explain the rejection (at least 10 characters)",
  });

function actor(user: CurrentUser) {
  return { id: user.id, email: user.email, orgId: user.orgId };
}

async function rescoreStored(a: AssessmentData & { _id: Types.ObjectId }, trigger: string) {
  const agreement = await Agreement.findById(a.agreementId).lean();
  if (!agreement) throw new Error("The assessment's agreement is missing");
  return (await rescore(a, agreement, { trigger })).result;
}

async function mailSupplier(a: AssessmentData, subject: string, text: string, kind: string, request: Request) {
  const users = await User.find({ orgId: a.supplierOrgId, role: "supplier" }, { email: 1 }).lean();
  const link = `${publicOrigin(request)}/supplier/assessments/${String((a as { _id?: unknown })._id)}`;
  for (const u of users)
    await sendMail({
      to: u.email,
      subject,
      text: `${text}\n\n${link}`,
      kind,
      relatedType: "assessment",
      relatedId: String((a as { _id?: unknown })._id),
    });
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
      return new Refusal(`An assessment that is ${a.status.replace("_", " ")} cannot be overridden.`);
    const req = a.result?.requirements.find((r) => r.requirementId === input.requirementId);
    if (!req) return new Refusal("That requirement is not part of this assessment.");
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
  const result = await rescoreStored(updated, `requirement ${input.requirementId} overridden by ${user.name}`);
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
      return new Refusal("A remediation item names a requirement that is not part of this assessment.");
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
    `Remediation requested: ${items.length} item${items.length === 1 ? "" : "s"} to answer`,
    `${user.org.name} asks you to remediate:\n${items.map((i) => `- ${i.requirementId}: ${i.description} (due ${i.dueDate})`).join("\n")}`,
    "remediation",
    request,
  );
  return updated;
}

export async function decide(user: CurrentUser, id: string, input: z.infer<typeof DecisionSchema>, request: Request) {
  // a decision is taken on the result as the terms and certificates are now, never on an outdated one
  await refreshAssessmentResult(id, "checked before a decision");
  const updated = await mutateAssessment(id, (a) => {
    if (!ASSESSMENT_TRANSITIONS[a.status].includes(input.decision))
      return new TransitionError(a.status, input.decision);
    if (!a.result) return new Refusal("The assessment has no score yet.");
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
    `Your security assessment was ${input.decision}`,
    `${user.org.name} ${input.decision} your assessment.${input.comment ? `\nComment: ${input.comment}` : ""}`,
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
  comment: limitedText("The comment", REVIEW_LIMITS.comment).min(
    10,
    "Say why the current result is acceptable (at least 10 characters)",
  ),
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
  await refreshAssessmentResult(id, "checked before a decision");
  const updated = await mutateAssessment(id, (a) => {
    if (a.status !== "approved") return new Refusal("Only an approved assessment can be approved again.");
    if (!a.result || !(a.summary?.drift ?? []).length)
      return new Refusal("The current result is the one approved; there is nothing to approve again.");
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
        response: limitedText("Your answer", REVIEW_LIMITS.remediationResponse).min(1, "Answer every remediation item"),
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
    if (String(a.supplierOrgId) !== user.orgId) return new Refusal("Not found");
    if (a.status !== "remediation_requested") return new TransitionError(a.status, "submitted");
    const byKey = new Map(input.responses.map((r) => [r.key, r]));
    const open = a.remediation.filter((r) => r.status === "open");
    const missing = open.filter((r) => !byKey.has(r.key));
    if (missing.length)
      return new Refusal(`Answer every open remediation item (${missing.map((m) => m.requirementId).join(", ")}).`);
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
  const result = await rescoreStored(updated, "remediation answered by the supplier");
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
    await sendMail({
      to: r.email,
      subject: `${user.org.name} answered your remediation request`,
      text: `${user.org.name} answered ${input.responses.length} remediation item(s). New score: ${result.score}/100.\n\n${publicOrigin(request)}/procurement/assessments/${id}`,
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
    (fieldErrors[`response.${item.key}`] ??= []).push(issue.message);
    lines.push(`${item.requirementId}: ${issue.message}.`);
  }
  return new Refusal(lines.length ? lines.join(" ") : "Answer every remediation item before sending.", {
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
