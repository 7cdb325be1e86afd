import { recordAudit } from "#models/audit-event.server";
import { countryName } from "#models/countries";
import type { OrgKind } from "#models/enums";
import {
  findDuplicateOrganizations,
  Organization,
  organizationKeys,
  createOrganization,
  type OrganizationDoc,
} from "#models/organization.server";
import { Refusal, said } from "#models/refusal";
import { z } from "zod";
import { currentLocale, isMessageId, t } from "#app/i18n/messages.server";
import type { MessageValues } from "#app/i18n/translate";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { forgetOrg, orgFacts } from "#app/features/accounts/org-names.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { isObjectId, trusted } from "#app/lib/ids.server";
import { fieldErrors } from "#app/lib/forms.server";
import {
  DiscloserInputSchema,
  SupplierInputSchema,
  type DirectoryKind,
  type OrganizationInput,
} from "./organization-input";

/**
 * Procurement's directory: the suppliers and disclosing parties its
 * recipient organisation works with. An organisation the portal already
 * knows (same registration number in the same country, or the same
 * normalised name) is never created twice: procurement picks the existing
 * one, which adds its recipient to the organisation's `managedBy` and
 * changes nothing else. A recipient edits only organisations no other
 * recipient works with, so nobody changes another recipient's data.
 */

export interface OrgSummary {
  id: string;
  kind: DirectoryKind;
  name: string;
  country: string;
  service: string;
  contactEmail: string;
}

export interface DuplicateView {
  id: string;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  country: string;
  countryName: string;
  matchedOn: "registration" | "name";
  /** already in this recipient's directory */
  yours: boolean;
  /** may be picked instead (same kind, active) */
  usable: boolean;
  /** why it cannot be picked */
  reason: string | null;
}

export type AddOutcome =
  | { kind: "created"; organization: OrgSummary }
  | { kind: "duplicates"; duplicates: DuplicateView[]; message: string };

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email, orgId: user.orgId });

function summary(o: Pick<OrganizationDoc, "_id" | "name" | "country" | "service" | "contactEmail" | "kind">) {
  return {
    id: String(o._id),
    kind: o.kind as DirectoryKind,
    name: o.name,
    country: o.country,
    service: o.service ?? "",
    contactEmail: o.contactEmail ?? "",
  };
}

/**
 * The input schemas' errors beside their fields, in the request's language:
 * fieldErrors, except that a custom issue's params (the country typed) are
 * the values of its message.
 */
export function inputErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    const values = issue.code === "custom" ? (issue.params as MessageValues | undefined) : undefined;
    const message =
      values && isMessageId(issue.message)
        ? t(issue.message, values)
        : (fieldErrors(new z.ZodError([issue]))[key]?.[0] ?? issue.message);
    (out[key] ??= []).push(message);
  }
  return out;
}

/** A country's name and code in the request's language: "Germany (DE)", "Deutschland (DE)". */
export function countryWithCode(code: string): string {
  return t("directory.countryWithCode", { country: countryName(code, currentLocale()), code });
}

/** Parses what the form sent for one kind; what is wrong is a Refusal beside the fields. */
export function parseOrganizationInput(kind: DirectoryKind, values: Record<string, unknown>): OrganizationInput {
  if (kind === "supplier") {
    const parsed = SupplierInputSchema.safeParse(values);
    if (!parsed.success) throw Refusal.ofFields(inputErrors(parsed.error));
    return { kind, ...parsed.data };
  }
  const parsed = DiscloserInputSchema.safeParse(values);
  if (!parsed.success) throw Refusal.ofFields(inputErrors(parsed.error));
  return { kind, ...parsed.data };
}

function duplicateView(
  user: CurrentUser,
  kind: DirectoryKind,
  o: OrganizationDoc & { matchedOn: "registration" | "name" },
): DuplicateView {
  const sameKind = o.kind === kind;
  const active = o.active !== false;
  return {
    ...orgFacts(o),
    countryName: countryName(o.country, currentLocale()),
    matchedOn: o.matchedOn,
    yours: (o.managedBy ?? []).some((id) => String(id) === user.orgId),
    usable: sameKind && active,
    reason: !sameKind
      ? t(`directory.reason.otherKind.${kind}`, { kind: t(`directory.kindLower.${o.kind}`) })
      : !active
        ? t("directory.reason.deactivated")
        : null,
  };
}

/** Organisations the portal already knows that are the one described (any kind). */
async function duplicatesOf(user: CurrentUser, input: OrganizationInput, exceptId?: string) {
  const found = await findDuplicateOrganizations(
    { name: input.name, country: input.country, registrationNumber: input.registrationNumber },
    exceptId,
  );
  return found.map((o) => duplicateView(user, input.kind, o));
}

function duplicatesMessage(kind: DirectoryKind, duplicates: DuplicateView[]): string {
  if (duplicates.some((d) => d.usable)) return t(`directory.duplicates.useExisting.${kind}`);
  const list = duplicates.map((d) => t("directory.duplicates.item", { name: d.name, reason: d.reason })).join("; ");
  return t(`directory.duplicates.cannotAdd.${kind}`, { list });
}

/**
 * Adds an organisation to the user's directory, or, when the portal already
 * knows it, adds nothing and returns the existing ones to pick from.
 */
export async function addOrganization(
  user: CurrentUser,
  input: OrganizationInput,
  request: Request,
): Promise<AddOutcome> {
  const duplicates = await duplicatesOf(user, input);
  if (duplicates.length) return { kind: "duplicates", duplicates, message: duplicatesMessage(input.kind, duplicates) };
  const doc = await createOrganization({
    name: input.name,
    kind: input.kind,
    country: input.country,
    registrationNumber: input.registrationNumber,
    ...(input.kind === "supplier"
      ? { contactEmail: input.contactEmail, service: input.service }
      : { legalName: input.legalName }),
    managedBy: [user.orgId],
    createdBy: user.id,
  });
  await recordAudit({
    action: "organization.create",
    actor: actorOf(user),
    targetType: "organization",
    targetId: String(doc._id),
    details: { kind: input.kind, name: input.name, country: input.country, via: "directory" },
    ip: clientIp(request),
  });
  return { kind: "created", organization: summary(doc) };
}

/**
 * Picks an organisation the portal already knows instead of creating one:
 * it must be a duplicate of what the user typed (nobody links an
 * organisation by guessing its id), of the same kind and active. Adds the
 * user's recipient to its `managedBy`; nothing else changes.
 */
export async function pickExistingOrganization(
  user: CurrentUser,
  input: OrganizationInput,
  orgId: string,
  request: Request,
  via = "directory",
): Promise<OrgSummary & { linked: boolean }> {
  const match = (await duplicatesOf(user, input)).find((d) => d.id === orgId);
  if (!match) throw new Refusal("directory.refusal.noMatch");
  if (!match.usable)
    throw new Refusal(said("directory.refusal.cannotBeUsed", { name: match.name, reason: match.reason }));
  return linkOrganization(user, input.kind, orgId, request, via);
}

/** Adds the user's recipient to an existing organisation's `managedBy` (audited when it changes anything). */
export async function linkOrganization(
  user: CurrentUser,
  kind: DirectoryKind,
  orgId: string,
  request: Request,
  via: string,
): Promise<OrgSummary & { linked: boolean }> {
  const result = await Organization.updateOne(
    { _id: orgId, kind, active: trusted({ $ne: false }) },
    { $addToSet: { managedBy: user.orgId } },
  );
  if (result.matchedCount === 0) throw new Refusal("directory.refusal.noLongerUsable");
  const doc = (await Organization.findById(orgId).lean())!;
  if (result.modifiedCount > 0)
    await recordAudit({
      action: "organization.link",
      actor: actorOf(user),
      targetType: "organization",
      targetId: orgId,
      details: { kind, name: doc.name, via },
      ip: clientIp(request),
    });
  return { ...summary(doc), linked: result.modifiedCount > 0 };
}

/** One organisation of the user's directory, or a 404 (another recipient's, unknown, another kind). */
async function managedOrganization(user: CurrentUser, kind: DirectoryKind, id: string | undefined) {
  if (!isObjectId(id)) notFound();
  const doc = await Organization.findOne({ _id: id, kind, managedBy: user.orgId }).lean();
  if (!doc) notFound();
  return doc;
}

const sharedWithOthers = (doc: OrganizationDoc, user: CurrentUser) =>
  (doc.managedBy ?? []).some((id) => String(id) !== user.orgId);

/** The edit form of an organisation in the user's directory, and whether the user may change it. */
export async function organizationForEdit(user: CurrentUser, kind: DirectoryKind, id: string | undefined) {
  const doc = await managedOrganization(user, kind, id);
  return {
    id: String(doc._id),
    name: doc.name,
    shared: sharedWithOthers(doc, user),
    values: {
      name: doc.name,
      legalName: doc.legalName ?? "",
      country: doc.country,
      registrationNumber: doc.registrationNumber ?? "",
      contactEmail: doc.contactEmail ?? "",
      service: doc.service ?? "",
    },
  };
}

/** Saves an edit of an organisation only this recipient works with; a change that makes it a duplicate is refused. */
export async function updateOrganization(
  user: CurrentUser,
  id: string | undefined,
  input: OrganizationInput,
  request: Request,
): Promise<OrgSummary> {
  const doc = await managedOrganization(user, input.kind, id);
  if (sharedWithOthers(doc, user)) throw new Refusal(`directory.shared.${input.kind}`);
  const duplicates = await duplicatesOf(user, input, String(doc._id));
  if (duplicates.length) {
    const d = duplicates[0];
    const field = d.matchedOn === "registration" ? "registrationNumber" : "name";
    throw Refusal.ofFields({
      [field]: [
        said(d.matchedOn === "registration" ? "directory.refusal.sameRegistration" : "directory.refusal.sameName", {
          name: d.name,
          country: d.countryName,
        }),
      ],
    });
  }
  const changes =
    input.kind === "supplier"
      ? {
          name: input.name,
          country: input.country,
          registrationNumber: input.registrationNumber,
          contactEmail: input.contactEmail,
          service: input.service,
        }
      : {
          name: input.name,
          legalName: input.legalName,
          country: input.country,
          registrationNumber: input.registrationNumber,
        };
  const changed = Object.entries(changes)
    .filter(([k, v]) => String((doc as Record<string, unknown>)[k] ?? "") !== v)
    .map(([k]) => k);
  if (changed.length) {
    await Organization.updateOne(
      { _id: doc._id, kind: input.kind, managedBy: user.orgId },
      { $set: { ...changes, ...organizationKeys(input.name, input.registrationNumber) } },
    );
    forgetOrg(String(doc._id));
    await recordAudit({
      action: "organization.update",
      actor: actorOf(user),
      targetType: "organization",
      targetId: String(doc._id),
      details: { kind: input.kind, name: input.name, changed: changed.join(",") },
      ip: clientIp(request),
    });
  }
  return summary({ ...doc, ...changes });
}

/** The disclosing parties the user's recipient works with. */
export async function discloserDirectory(user: CurrentUser) {
  const rows = await Organization.find({ kind: "discloser", managedBy: user.orgId }).sort({ name: 1 }).lean();
  return rows.map((o) => ({
    id: String(o._id),
    name: o.name,
    legalName: o.legalName ?? "",
    country: o.country,
    countryName: countryName(o.country),
    registrationNumber: o.registrationNumber ?? "",
    shared: sharedWithOthers(o, user),
  }));
}

/** The edit form's save: parse, then update; what is wrong is a Refusal. */
export async function saveOrganizationEdit(
  user: CurrentUser,
  kind: DirectoryKind,
  id: string | undefined,
  values: Record<string, string>,
  request: Request,
): Promise<OrgSummary> {
  // a missing or foreign organisation is a 404 before anything typed is judged
  await managedOrganization(user, kind, id);
  return updateOrganization(user, id, parseOrganizationInput(kind, values), request);
}
