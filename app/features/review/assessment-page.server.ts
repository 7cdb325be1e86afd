import type { Types } from "mongoose";
import type { ScoringResult } from "#app/scoring/types";
import { Agreement } from "#models/agreement.server";
import { Assessment, ASSESSMENT_TRANSITIONS, type AssessmentData } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { describeAnswerChanges, describeAnswersOf, rewordJudgedAnswer, type AnswerWording } from "#app/scoring/answers";
import { addDaysIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { Invitation, revokeInvitation } from "#models/invitation.server";
import { Organization } from "#models/organization.server";
import { Refusal } from "#models/refusal";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { actorOf, inviteRecipient } from "#app/features/assessments/assessments.server";
import { templateForAssessment, templateTitle } from "#app/features/questionnaires/questionnaire.server";
import { changedSinceBasis } from "#app/features/reassessment/reassessment.server";
import { assessmentScoreHistory, refreshAssessmentResult } from "#app/features/assessments/freshness.server";
import { reportVersions } from "#app/features/reports/reports.server";
import { clientIp } from "#app/lib/http.server";
import { requirementTitle } from "#questionnaires/loader";
import { currentLocale } from "#app/i18n/messages.server";
import { sayReasons, sayResult } from "#app/i18n/reasons";
import { said } from "#app/scoring/said";
import { answerWording } from "#app/features/questionnaires/answer-wording.server";
import type { TemplateFile } from "#questionnaires/types";
import type { ResultView } from "./assessment-results";
import { answerableQuestions } from "#app/features/assessments/answers.server";
import { reusedForReview } from "#app/features/prefill/prefill.server";
import { DECIDABLE_STATUSES, REVIEWABLE_STATUSES } from "./review.server";

type StoredAssessment = AssessmentData & { _id: Types.ObjectId };

function reuseForReview(assessment: StoredAssessment, template: TemplateFile | null) {
  const questions = template ? answerableQuestions(template) : new Map();
  const locale = currentLocale();
  const titleOf = (name: string) => {
    const title = (questions.get(name) as { title?: unknown } | undefined)?.title;
    if (typeof title === "string") return title;
    if (title && typeof title === "object") {
      const byLocale = title as Record<string, unknown>;
      const said = byLocale[locale] ?? byLocale.default ?? byLocale.en;
      if (typeof said === "string") return said;
    }
    return name;
  };
  const items = reusedForReview(assessment, titleOf);
  return {
    counts: {
      reused: items.length,
      confirmed: items.filter((i) => i.state === "confirmed").length,
      changed: items.filter((i) => i.state === "changed").length,
    },
    items,
  };
}

/** The result in the reader's language: reasons, requirement titles, and the answers as the supplier's template words them. */
function resultView(stored: ScoringResult, template: TemplateFile | null, wording: AnswerWording): ResultView {
  const r = sayResult(currentLocale(), stored);
  return {
    ...r,
    requirements: r.requirements.map((q) => ({
      ...q,
      title: requirementTitle(q.requirementId, q.title, currentLocale()),
      answers: template ? q.answers.map((a) => ({ ...a, ...rewordJudgedAnswer(template, a, wording) })) : q.answers,
      override: q.override
        ? { status: q.override.status, justification: q.override.justification, by: q.override.by, at: q.override.at }
        : null,
    })),
  };
}

/** What the result was computed from, its earlier results, and how it differs from the one approved. */
async function scoringOf(assessment: StoredAssessment, agreementRevision: number) {
  const basis = assessment.resultBasis;
  if (!assessment.result || !basis) return null;
  const approved = assessment.status === "approved" ? assessment.approvedResult : null;
  const approvedBasis = approved ? assessment.approvedBasis : null;
  return {
    computedAt: new Date(basis.computedAt).toISOString(),
    evaluationDate: basis.evaluationDate,
    agreementRevision: basis.agreementRevision,
    currentAgreementRevision: agreementRevision,
    certificates: basis.certificates.length,
    validUntil: basis.validUntil,
    history: await assessmentScoreHistory(assessment._id, 20),
    approved: approved
      ? {
          score: approved.score,
          rating: approved.rating,
          evaluationDate: approved.evaluationDate,
          agreementRevision: approvedBasis?.agreementRevision ?? null,
          requirements: approved.requirements.map((r) => ({ id: r.requirementId, status: r.status })),
        }
      : null,
    drift: assessment.status === "approved" ? sayReasons(currentLocale(), assessment.summary?.drift) : [],
  };
}

/** Everything the reviewer's page of one assessment shows, its result first brought up to date. */
export async function reviewPage(stored: StoredAssessment) {
  const refreshed = await refreshAssessmentResult(stored, said("chain.trigger.outOfDate"));
  const assessment = refreshed.rescored
    ? ((await Assessment.findById(stored._id).lean<StoredAssessment>()) ?? stored)
    : stored;
  const [supplier, agreement, invitations, reports] = await Promise.all([
    Organization.findById(assessment.supplierOrgId, { name: 1, country: 1 }).lean(),
    Agreement.findById(assessment.agreementId, { reference: 1, title: 1, revision: 1 }).lean(),
    Invitation.find({ assessmentId: assessment._id }).sort({ createdAt: -1 }).lean(),
    reportVersions("assessment", assessment._id),
  ]);
  const changedAnswers = await changedSinceBasis(assessment);
  // the pinned template (shipped or imported) the supplier answered
  const template = await templateForAssessment(assessment).catch(() => null);
  // choice texts, question titles and yes/no labels in the reader's language; typed answers as typed
  const wording = answerWording(currentLocale());
  // the earlier answers as the supplier saw them (choice texts), like the current ones in the result
  const changed = changedAnswers && template ? describeAnswersOf(template, changedAnswers, wording) : changedAnswers;
  // every changed answer, also those to questions no requirement scores (shown nowhere else)
  const scoredQuestions = new Set(assessment.result?.requirements.flatMap((r) => r.answers.map((a) => a.question)));
  const answerChanges = changedAnswers
    ? describeAnswerChanges(
        template,
        Object.keys(changedAnswers),
        changedAnswers,
        assessment.answers ?? {},
        wording,
      ).map((c) => ({ ...c, scored: scoredQuestions.has(c.question) }))
    : null;
  const now = new Date();
  return {
    assessment: {
      id: String(assessment._id),
      status: assessment.status,
      dueDate: assessment.dueDate,
      template: await templateTitle(assessment.templateId, assessment.templateVersion, currentLocale()),
      templateId: assessment.templateId,
      templateVersion: assessment.templateVersion,
      catalogueVersion: assessment.catalogueVersion,
      /** questions asked when tailored to the agreement; null when the whole questionnaire was asked */
      askedQuestions: assessment.askedQuestions?.length ? assessment.askedQuestions.length : null,
      submittedAt: assessment.submittedAt ? new Date(assessment.submittedAt).toISOString() : null,
      score: assessment.result?.score ?? null,
      rating: assessment.result?.rating ?? null,
      history: assessment.history.map((h) => ({
        to: h.to,
        at: new Date(h.at).toISOString(),
        by: h.byName,
        comment: h.comment,
      })),
      reviewable: REVIEWABLE_STATUSES.includes(assessment.status),
      decidable: DECIDABLE_STATUSES.includes(assessment.status),
      canRequestRemediation:
        ASSESSMENT_TRANSITIONS[assessment.status].includes("remediation_requested") && Boolean(assessment.result),
    },
    result: assessment.result ? resultView(assessment.result, template, wording) : null,
    scoring: await scoringOf(assessment, agreement?.revision ?? 1),
    reports,
    changed,
    answerChanges,
    reassessment: assessment.reassessmentOf
      ? {
          follows: String(assessment.reassessmentOf),
          reasons: sayReasons(currentLocale(), assessment.reassessmentReasons),
        }
      : null,
    remediation: (assessment.remediation ?? []).map((r) => ({
      ...r,
      requestedAt: new Date(r.requestedAt).toISOString(),
      answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
    })),
    supplier: { name: supplier?.name ?? "", country: supplier?.country ?? "" },
    agreement: {
      id: String(agreement?._id ?? ""),
      reference: agreement?.reference ?? "",
      title: agreement?.title ?? "",
    },
    invitations: invitations.map((i) => ({
      id: String(i._id),
      email: i.email,
      state: i.status === "active" && i.expiresAt <= now ? "expired" : i.status,
      expiresAt: new Date(i.expiresAt).toISOString(),
      createdAt: i.createdAt ? new Date(i.createdAt).toISOString() : "",
    })),
    /** answers the supplier reused from its profile, confirmed or changed (issue 22) */
    reuse: reuseForReview(assessment, template),
    /** what the remediation form proposes as each item's due date */
    remediationDueDate: addDaysIso(todayIso(), 30),
  };
}

/** Revokes one of the assessment's active invitations; refused when it is no longer active. */
export async function revokeAssessmentInvitation(
  user: CurrentUser,
  assessmentId: string,
  invitationId: string,
  request: Request,
) {
  if (!(await revokeInvitation(invitationId, user.orgId)))
    throw Refusal.ofFields({ invitation: ["review.invitations.noLongerActive"] });
  await recordAudit({
    action: "invitation.revoke",
    actor: actorOf(user),
    targetType: "assessment",
    targetId: assessmentId,
    details: { invitation: invitationId },
    ip: clientIp(request),
  });
}

/** Invites one more person of the supplier to answer the assessment. */
export async function inviteToAssessment(
  user: CurrentUser,
  assessment: StoredAssessment,
  email: string,
  request: Request,
) {
  const [supplier, agreement] = await Promise.all([
    Organization.findById(assessment.supplierOrgId, { name: 1 }).lean(),
    Agreement.findById(assessment.agreementId, { reference: 1 }).lean(),
  ]);
  await inviteRecipient(user, request, {
    assessmentId: String(assessment._id),
    supplierOrgId: String(assessment.supplierOrgId),
    email: email.toLowerCase(),
    supplierName: supplier?.name ?? "",
    agreementRef: agreement?.reference ?? "",
    dueDate: assessment.dueDate,
  });
}
