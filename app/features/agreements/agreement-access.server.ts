import type { Types } from "mongoose";
import { getAgreementFor, listAgreementsFor } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { reportActionFor } from "#app/features/reports/report-actions.server";
import { notFound } from "#app/lib/http.server";
import { trusted } from "#app/lib/ids.server";
import { agreementPageData, agreementSummaries } from "./agreement-page.server";
import { parseAgreementTab } from "./agreement-tabs";

/** The user's agreement; a missing one or another organisation's is a 404. */
export async function requireAgreement(user: CurrentUser, id: string | undefined) {
  const agreement = await getAgreementFor(user, id ?? "");
  if (!agreement) notFound();
  return agreement;
}

/** The agreement page (the tab named in the URL), for procurement and the disclosing party alike. */
export async function agreementPage(user: CurrentUser, id: string | undefined, url: URL) {
  return agreementPageData(await requireAgreement(user, id), parseAgreementTab(url));
}

/** The agreement page's "generate a new version" button. */
export async function agreementReportAction(user: CurrentUser, id: string | undefined, request: Request) {
  const agreement = await requireAgreement(user, id);
  const outcome = await reportActionFor(user, request, { kind: "agreement", id: String(agreement._id) });
  return { ...outcome, id: String(agreement._id) };
}

async function orgNames(ids: Types.ObjectId[]): Promise<Map<string, string>> {
  const orgs = await Organization.find({ _id: trusted({ $in: ids }) }, { name: 1 }).lean();
  return new Map(orgs.map((o) => [String(o._id), o.name]));
}

type ListedAgreement = Awaited<ReturnType<typeof listAgreementsFor>>[number];

/** What both lists show of an agreement, around the other party's name. */
const listed = (a: ListedAgreement) => ({ id: String(a._id), reference: a.reference, title: a.title });
const termAndChain = (a: ListedAgreement) => ({
  term: `${a.effectiveDate} to ${a.endDate}`,
  suppliers: a.chain.length,
});

/** Procurement's agreement list. */
export async function procurementAgreementList(user: CurrentUser) {
  const agreements = await listAgreementsFor(user);
  const name = await orgNames(agreements.map((a) => a.discloserOrgId));
  return agreements.map((a) => ({
    ...listed(a),
    discloser: name.get(String(a.discloserOrgId)) ?? "",
    ...termAndChain(a),
    requirements: a.requirements.length,
  }));
}

/** The disclosing party's agreement list, each with the headline of its page. */
export async function discloserAgreementList(user: CurrentUser) {
  const agreements = await listAgreementsFor(user);
  const name = await orgNames(agreements.map((a) => a.recipientOrgId));
  const summaries = await agreementSummaries(agreements);
  return agreements.map((a) => ({
    ...listed(a),
    recipient: name.get(String(a.recipientOrgId)) ?? "",
    ...termAndChain(a),
    summary: summaries.get(String(a._id)) ?? null,
  }));
}
