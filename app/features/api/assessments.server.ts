import type { z } from "zod";
import { getAgreementFor } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { Assessment } from "#models/assessment.server";
import {
  assessmentScope,
  getAssessmentFor,
  sendAssessment,
  type Sender,
} from "#app/features/assessments/assessments.server";
import { orgReadModel, type ListRow } from "#app/features/assessments/read-model.server";
import { filterRows, type DashboardQuery } from "#app/features/review/dashboard.server";
import { trusted } from "#app/lib/ids.server";
import { runInLocale } from "#app/lib/locale-scope.server";
import type { ApiCaller } from "./auth.server";
import { problem } from "./http.server";
import { decodeCursor, pageOf } from "./paging.server";
import type {
  Assessment as AssessmentSchema,
  AssessmentList,
  ListAssessmentsQuery,
  SendAssessmentBody,
} from "./schemas";

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

type StoredAssessment = NonNullable<Awaited<ReturnType<typeof getAssessmentFor>>>;

/** An assessment as the API shows it, with its current result. */
function toApi(found: StoredAssessment, supplierName: string | undefined): z.input<typeof AssessmentSchema> {
  const result = found.result;
  return {
    id: String(found._id),
    agreementId: String(found.agreementId),
    agreementReference: found.summary?.agreementRef ?? "",
    supplier: { id: String(found.supplierOrgId), name: supplierName ?? found.summary?.supplierName ?? "" },
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

/** One assessment of the caller's organisation, as its pages scope them; 404 otherwise. */
export async function assessmentOf(caller: ApiCaller, id: string): Promise<z.input<typeof AssessmentSchema>> {
  const found = await getAssessmentFor(caller, id);
  if (!found) throw problem("not-found", "No assessment of your organisation has this id.");
  const supplier = await Organization.findById(found.supplierOrgId, { name: 1 }).lean();
  return toApi(found, supplier?.name);
}

/** What the dashboard's filters look at in a row (review/dashboard.server.ts filterRows). */
type FilterRow = Pick<ListRow, "id" | "agreement" | "supplier" | "status" | "rating" | "dueDate" | "supplierName">;

/**
 * The rows the caller's pages list: procurement's dashboard rows (its read
 * model, as the dashboard reads them), a supplier's own questionnaires (as
 * its dashboard lists them, by assessmentScope); none for others, as
 * the assessment pages show them none. Each in `_id` order.
 */
async function rowsOf(caller: ApiCaller): Promise<FilterRow[]> {
  if (caller.role === "procurement") {
    const model = await orgReadModel(caller.orgId, { listOnly: true });
    return model.memo("api:byId", (rows) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
  const scope = assessmentScope(caller);
  if (!scope) return [];
  const found = await Assessment.find(scope, {
    agreementId: 1,
    supplierOrgId: 1,
    status: 1,
    dueDate: 1,
    summary: 1,
  })
    .sort({ _id: 1 })
    .lean();
  return found.map((a) => ({
    id: String(a._id),
    agreement: String(a.agreementId),
    supplier: String(a.supplierOrgId),
    status: a.status,
    rating: (a.summary?.rating ?? null) as ListRow["rating"],
    dueDate: a.dueDate,
    supplierName: a.summary?.supplierName ?? "",
  }));
}

/**
 * The caller's assessments, filtered as the dashboard filters them (the
 * same function, the same values), a page at a time in `_id` order, each
 * with its current result; the page's documents are read with the pages'
 * scope again.
 */
export async function listAssessments(
  caller: ApiCaller,
  query: z.output<typeof ListAssessmentsQuery>,
  path: string,
): Promise<z.input<typeof AssessmentList>> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const filters: DashboardQuery = {
    agreement: query.agreement,
    status: query.status,
    rating: query.rating,
    overdue: query.overdue ? "1" : undefined,
    q: query.q,
    sort: "due",
    dir: "asc",
    page: 1,
  };
  const rows = filterRows((await rowsOf(caller)) as ListRow[], filters).filter(
    (r) => (!query.supplier || r.supplier === query.supplier) && (!after || r.id > after),
  );
  const { page, nextCursor, next } = pageOf(rows, (r) => r.id, query, path);
  const ids = page.map((r) => r.id);
  const scope = assessmentScope(caller);
  const docs = scope
    ? await Assessment.find({ ...scope, _id: trusted({ $in: ids }) })
        .sort({ _id: 1 })
        .lean<StoredAssessment[]>()
    : [];
  const names = new Map(
    (
      await Organization.find(
        { _id: trusted({ $in: [...new Set(docs.map((d) => String(d.supplierOrgId)))] }) },
        { name: 1 },
      ).lean()
    ).map((o) => [String(o._id), o.name]),
  );
  return {
    items: docs.map((d) => toApi(d, names.get(String(d.supplierOrgId)))),
    nextCursor,
    next,
  };
}
