import type { z } from "zod";
import { getAgreementFor } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { getAssessmentFor, sendAssessment, type Sender } from "#app/features/assessments/assessments.server";
import { runInLocale } from "#app/lib/locale-scope.server";
import type { ApiCaller } from "./auth.server";
import { problem } from "./http.server";
import type { Assessment, SendAssessmentBody } from "./schemas";

/** What the audit trail and the assessment's history name when a token acts: the token, by its prefix. */
export const tokenName = (caller: ApiCaller) => `API token fd_${caller.tokenPrefix}`;

/** The send form's field names, as the API's body names them. */
const FIELD = { agreementId: "id", supplierOrgId: "supplierId", templateId: "templateId", emails: "recipients" };

/**
 * May the caller send under this agreement: a procurement organisation's
 * token (403 otherwise), the agreement the organisation's as the pages
 * scope it (404 otherwise). Checked before the body is read.
 */
export async function assertMaySendUnder(caller: ApiCaller, agreementId: string): Promise<void> {
  if (caller.role !== "procurement")
    throw problem("forbidden", "Only a procurement organisation's token sends questionnaires.");
  if (!(await getAgreementFor(caller, agreementId)))
    throw problem("not-found", "No agreement of your organisation has this id.");
}

/**
 * Sends a questionnaire as procurement's send form does, through the same use
 * case (assessments/assessments.server.ts sendAssessment): the same checks,
 * the same invitation e-mails, the same audit entries, naming the token.
 * Its refusals become problems, said in English like the rest of the API.
 */
export async function sendAssessmentAs(
  caller: ApiCaller,
  agreementId: string,
  body: z.output<typeof SendAssessmentBody>,
  request: Request,
): Promise<string> {
  await assertMaySendUnder(caller, agreementId);
  const org = await Organization.findById(caller.orgId, { name: 1 }).lean();
  const name = tokenName(caller);
  const sender: Sender = {
    userId: null,
    name,
    orgId: caller.orgId,
    org: { name: org?.name ?? "" },
    actor: { id: `api-token:${caller.tokenPrefix}`, email: name, orgId: caller.orgId },
    invitedBy: caller.tokenCreatedBy,
  };
  const input = {
    agreementId,
    supplierOrgId: body.supplierId,
    templateId: body.templateId,
    dueDate: body.dueDate,
    // as the form reads its list: lower case, each address once
    emails: [...new Set(body.recipients.map((e) => e.trim().toLowerCase()))],
    sendAnother: body.sendAnother ?? false,
  };
  const result = await runInLocale("en", () => sendAssessment(sender, input, request));
  if (result.ok) return result.assessmentId;
  const errors = Object.fromEntries(
    Object.entries(result.errors).map(([k, v]) => [FIELD[k as keyof typeof FIELD] ?? k, v]),
  );
  const detail = Object.values(result.errors).flat().join(" ");
  if (result.open)
    throw problem("conflict", `${detail} Open assessment: ${result.open.id}. Send with sendAnother: true to insist.`, {
      errors,
    });
  throw problem("unprocessable-content", detail || "The questionnaire was not sent.", { errors });
}

/** One assessment of the caller's organisation, as its pages scope them; 404 otherwise. */
export async function assessmentOf(caller: ApiCaller, id: string): Promise<z.input<typeof Assessment>> {
  const found = await getAssessmentFor(caller, id);
  if (!found) throw problem("not-found", "No assessment of your organisation has this id.");
  const supplier = await Organization.findById(found.supplierOrgId, { name: 1 }).lean();
  const result = found.result;
  return {
    id: String(found._id),
    agreementId: String(found.agreementId),
    agreementReference: found.summary?.agreementRef ?? "",
    supplier: { id: String(found.supplierOrgId), name: supplier?.name ?? found.summary?.supplierName ?? "" },
    templateId: found.templateId,
    templateVersion: found.templateVersion,
    status: found.status,
    dueDate: found.dueDate,
    submittedAt: found.submittedAt ? new Date(found.submittedAt).toISOString() : null,
    createdAt: (found.createdAt ? new Date(found.createdAt) : new Date(0)).toISOString(),
    result: result
      ? {
          score: result.score,
          rating: result.rating,
          evaluationDate: result.evaluationDate,
          requirementCounts: result.counts,
          knockOutsFailed: result.knockOutsFailed,
        }
      : null,
  };
}
