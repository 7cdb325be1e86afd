import type { Types } from "mongoose";
import { getAgreementFor, listAgreementsFor } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { reportActionFor } from "#app/features/reports/report-actions.server";
import { notFound } from "#app/lib/http.server";
import { trusted } from "#app/lib/ids.server";
import { agreementLifecycles } from "#app/features/lifecycle/lifecycle.server";
import { agreementPageData, agreementSummaries } from "./agreement-page.server";
import { parseAgreementTab, parseSuppliersPage } from "./agreement-tabs";

type FoundAgreement = NonNullable<Awaited<ReturnType<typeof getAgreementFor>>>;

/**
 * Look-ups under way, per signed-in user object (one per page request, shared
 * by its loaders): the page's loaders that ask for the same agreement at the
 * same time (the page, its proposals, its contacts) share one look-up of its
 * revision stamp. A call made after a look-up has finished reads again, so a
 * caller that wrote the agreement, or retries after a conflict, sees the new one.
 */
const underWay = new WeakMap<CurrentUser, Map<string, Promise<FoundAgreement>>>();

/** The user's agreement; a missing one or another organisation's is a 404. */
export function requireAgreement(user: CurrentUser, id: string | undefined): Promise<FoundAgreement> {
  const key = id ?? "";
  let mine = underWay.get(user);
  const running = mine?.get(key);
  if (running) return running;
  const lookUp = (async () => {
    const agreement = await getAgreementFor(user, key);
    if (!agreement) notFound();
    return agreement;
  })();
  if (!mine) underWay.set(user, (mine = new Map()));
  const forget = () => {
    if (mine.get(key) === lookUp) mine.delete(key);
  };
  mine.set(key, lookUp);
  lookUp.then(forget, forget);
  return lookUp;
}

/** The agreement page (the tab named in the URL), for procurement and the disclosing party alike. */
export async function agreementPage(user: CurrentUser, id: string | undefined, url: URL) {
  return agreementPageData(await requireAgreement(user, id), parseAgreementTab(url), new Date(), {
    suppliersPage: parseSuppliersPage(url),
  });
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
  // the days themselves, for a page to say in its reader's language; `term` is the ISO text
  effectiveDate: a.effectiveDate,
  endDate: a.endDate,
  term: `${a.effectiveDate} to ${a.endDate}`,
  suppliers: a.chain.length,
});

/** Where each listed agreement is in its life (issue 23): active, in survival until a day, archived. */
async function lifecyclesOf(agreements: ListedAgreement[]) {
  const all = await agreementLifecycles(agreements.map((a) => a._id));
  return (a: ListedAgreement) => {
    const l = all.get(String(a._id));
    return { lifecycle: { state: l?.state ?? "active", survivalEnds: l?.end?.survivalEnds ?? null } } as const;
  };
}

/** Procurement's agreement list. */
export async function procurementAgreementList(user: CurrentUser) {
  const agreements = await listAgreementsFor(user);
  const name = await orgNames(agreements.map((a) => a.discloserOrgId));
  const life = await lifecyclesOf(agreements);
  return agreements.map((a) => ({
    ...listed(a),
    ...life(a),
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
  const life = await lifecyclesOf(agreements);
  return agreements.map((a) => ({
    ...listed(a),
    ...life(a),
    recipient: name.get(String(a.recipientOrgId)) ?? "",
    ...termAndChain(a),
    summary: summaries.get(String(a._id)) ?? null,
  }));
}
