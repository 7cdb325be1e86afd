import { z } from "zod";
import { countryOptions, LIMITS as ORG } from "#app/features/directory/organization-input";
import { currentLocale, t } from "#app/i18n/messages.server";
import { recordAudit } from "#models/audit-event.server";
import { countryName, isCountryCode } from "#models/countries";
import { ORG_KINDS, ROLE_FOR_KIND, type OrgKind } from "#models/enums";
import {
  findDuplicateOrganizations,
  Organization,
  createOrganization,
  type OrganizationDoc,
} from "#models/organization.server";
import { Refusal, said } from "#models/refusal";
import { User } from "#models/user.server";
import { isObjectId } from "#app/lib/ids.server";
import { endSessions, type CurrentUser } from "./auth.server";
import { forgetOrg, orgFacts } from "./org-names.server";
import { activeAdministrators, organisationTeam, teamPage } from "./team.server";

/**
 * Organisations as platform administrators manage them: every disclosing
 * party, recipient and supplier the portal knows. An organisation's kind
 * gives its users their role (docs/decisions/009), so it is fixed once the
 * organisation exists. Callers check that the user is an administrator.
 */

interface Ctx {
  ip?: string;
}

const optionalId = z
  .string()
  .trim()
  .max(24, "admin.org.pickOrganisation")
  .refine((v) => v === "" || isObjectId(v), "admin.org.pickOrganisation")
  .default("");

const OrganisationFields = {
  // the same limits as procurement's directory, so an organisation fits both forms
  name: z.string().trim().min(1, "admin.org.enterName").max(ORG.name, "admin.org.tooLong"),
  legalName: z.string().trim().max(ORG.legalName, "admin.org.tooLong").default(""),
  country: z
    .string()
    .trim()
    .max(2, "admin.org.pickCountry")
    .refine((v) => isCountryCode(v), "admin.org.pickCountry"),
  registrationNumber: z.string().trim().max(ORG.registrationNumber, "admin.org.tooLong").default(""),
  parentOrgId: optionalId,
};

export const NewOrganisationSchema = z.object({
  kind: z.enum(ORG_KINDS, "admin.org.pickKind"),
  ...OrganisationFields,
});
export const EditOrganisationSchema = z.object(OrganisationFields);
export type NewOrganisationInput = z.output<typeof NewOrganisationSchema>;
export type EditOrganisationInput = z.output<typeof EditOrganisationSchema>;

export const OrganisationFilterSchema = z.object({ kind: z.enum(ORG_KINDS).optional().catch(undefined) });

/** A refusal that names the organisations the input duplicates, so the page can link to them. */
export class DuplicateOrganisation extends Refusal {
  readonly existing: { id: string; name: string; kind: string; country: string; matchedOn: string }[];
  constructor(existing: DuplicateOrganisation["existing"]) {
    const first = existing[0];
    super(
      said("admin.org.duplicate", {
        name: first.name,
        // the kind in the words of the person who asked: the refusal is said in the same request
        kind: (ORG_KINDS as readonly string[]).includes(first.kind)
          ? t(`labels.orgKind.${first.kind as OrgKind}`)
          : first.kind,
        country: countryName(first.country),
        matchedOn: first.matchedOn === "registration" ? "registration" : "name",
      }),
    );
    this.existing = existing;
  }
}

/** The organisations a refused create or edit duplicates (empty for any other error). */
export function duplicatesOf(error: unknown) {
  return error instanceof DuplicateOrganisation ? error.existing : [];
}

/** Countries for the picker, by English name. */
const MAX_LISTED = 1000;

/** Every organisation (of one kind, if given) with its number of users, by name. */
export async function listOrganisations(filter: { kind?: OrgKind }) {
  const [orgs, counts] = await Promise.all([
    Organization.find(filter.kind ? { kind: filter.kind } : {}, {
      name: 1,
      kind: 1,
      country: 1,
      active: 1,
      registrationNumber: 1,
      parentOrgId: 1,
    })
      .limit(MAX_LISTED)
      .lean(),
    // $group with $sum works on FerretDB v1
    User.aggregate<{ _id: unknown; users: number }>([{ $group: { _id: "$orgId", users: { $sum: 1 } } }]),
  ]);
  const usersOf = new Map(counts.map((c) => [String(c._id), c.users]));
  const names = new Map(orgs.map((o) => [String(o._id), o.name]));
  return {
    /** the kinds to filter by */
    kinds: ORG_KINDS,
    truncated: orgs.length === MAX_LISTED,
    rows: orgs
      .map((o) => ({
        ...orgFacts(o),
        registrationNumber: o.registrationNumber ?? "",
        parent: o.parentOrgId ? (names.get(String(o.parentOrgId)) ?? null) : null,
        active: o.active !== false,
        users: usersOf.get(String(o._id)) ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function operatorExists() {
  return Boolean(await Organization.exists({ kind: "operator" }));
}

/** The kinds an administrator may create now: an operator organisation only while none exists. */
export async function creatableKinds(): Promise<{ value: OrgKind }[]> {
  const kinds: OrgKind[] = [
    "discloser",
    "recipient",
    "supplier",
    ...((await operatorExists()) ? [] : ["operator" as const]),
  ];
  return kinds.map((k) => ({ value: k }));
}

/** Organisations that can be a parent group (all but `exceptId`), by name. */
export async function parentOptions(exceptId?: string) {
  const orgs = await Organization.find({}, { name: 1, country: 1 }).limit(MAX_LISTED).lean();
  return orgs
    .filter((o) => String(o._id) !== exceptId)
    .map((o) => ({ id: String(o._id), name: `${o.name} (${o.country})` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function checkParent(parentOrgId: string, selfId: string | null) {
  if (!parentOrgId) return null;
  if (parentOrgId === selfId) throw Refusal.ofFields({ parentOrgId: ["admin.org.ownGroup"] });
  // walk up the parent's groups: the organisation must not already be above its new parent
  let current: string | null = parentOrgId;
  for (let depth = 0; current && depth < 50; depth++) {
    const found: Pick<OrganizationDoc, "_id" | "parentOrgId"> | null = await Organization.findById(current, {
      parentOrgId: 1,
    }).lean();
    if (!found) {
      if (current === parentOrgId) throw Refusal.ofFields({ parentOrgId: ["admin.org.notFound"] });
      break;
    }
    if (selfId && found.parentOrgId && String(found.parentOrgId) === selfId) {
      throw Refusal.ofFields({ parentOrgId: ["admin.org.inGroup"] });
    }
    current = found.parentOrgId ? String(found.parentOrgId) : null;
  }
  return parentOrgId;
}

async function refuseDuplicates(input: EditOrganisationInput & { kind: OrgKind }, exceptId?: string) {
  const found = await findDuplicateOrganizations(
    { name: input.name, country: input.country, registrationNumber: input.registrationNumber, kind: input.kind },
    exceptId,
  );
  if (found.length) {
    throw new DuplicateOrganisation(
      found.map((o) => ({
        id: String(o._id),
        name: o.name,
        kind: o.kind,
        country: o.country,
        matchedOn: o.matchedOn,
      })),
    );
  }
}

export async function createOrganisation(actor: CurrentUser, input: NewOrganisationInput, ctx: Ctx) {
  if (input.kind === "operator" && (await operatorExists())) {
    throw Refusal.ofFields({ kind: ["admin.org.operatorExists"] });
  }
  await refuseDuplicates(input);
  const parentOrgId = await checkParent(input.parentOrgId, null);
  const created = (
    await createOrganization({
      name: input.name,
      kind: input.kind,
      country: input.country,
      legalName: input.legalName,
      registrationNumber: input.registrationNumber,
      parentOrgId,
      createdBy: actor.id,
    })
  ).toObject() as OrganizationDoc;
  const id = String(created._id);
  await recordAudit({
    action: "organization.create",
    actor,
    targetType: "organization",
    targetId: id,
    details: {
      name: input.name,
      kind: input.kind,
      country: input.country,
      ...(input.registrationNumber ? { registrationNumber: input.registrationNumber } : {}),
      ...(parentOrgId ? { parentOrgId } : {}),
    },
    ip: ctx.ip,
  });
  return { id };
}

/** The organisation's page: its facts and the form's values. Null when it does not exist. */
export async function organisationFor(id: string) {
  if (!isObjectId(id)) return null;
  const org = await Organization.findById(id).lean();
  if (!org) return null;
  const parent = org.parentOrgId ? await Organization.findById(org.parentOrgId, { name: 1 }).lean() : null;
  return {
    ...orgFacts(org),
    legalName: org.legalName ?? "",
    registrationNumber: org.registrationNumber ?? "",
    parentOrgId: org.parentOrgId ? String(org.parentOrgId) : "",
    parent: parent ? { id: String(parent._id), name: parent.name } : null,
    active: org.active !== false,
    deactivatedAt: org.deactivatedAt ? new Date(org.deactivatedAt).toISOString() : null,
  };
}

async function existing(id: string) {
  const org = isObjectId(id) ? await Organization.findById(id) : null;
  if (!org) throw new Refusal("admin.org.notFound", { status: 404 });
  return org;
}

const EDITABLE = ["name", "legalName", "country", "registrationNumber", "parentOrgId"] as const;

export async function updateOrganisation(actor: CurrentUser, id: string, input: EditOrganisationInput, ctx: Ctx) {
  const org = await existing(id);
  await refuseDuplicates({ ...input, kind: org.kind }, id);
  const parentOrgId = await checkParent(input.parentOrgId, id);
  const before: Record<string, string> = {};
  for (const f of EDITABLE) before[f] = f === "parentOrgId" ? String(org.parentOrgId ?? "") : String(org[f] ?? "");
  const after: Record<string, string> = { ...input, parentOrgId: parentOrgId ?? "" };
  const changed = EDITABLE.filter((f) => before[f] !== after[f]);
  if (!changed.length) return { changed: 0 };
  org.set({
    name: input.name,
    legalName: input.legalName,
    country: input.country,
    registrationNumber: input.registrationNumber,
    parentOrgId,
  });
  // save() runs the hook that keeps the duplicate-detection keys in step
  await org.save();
  forgetOrg(id);
  await recordAudit({
    action: "organization.update",
    actor,
    targetType: "organization",
    targetId: id,
    details: Object.fromEntries(changed.map((f) => [f, `${before[f]} -> ${after[f]}`])),
    ip: ctx.ip,
  });
  return { changed: changed.length };
}

/**
 * Deactivates the organisation: none of its users can sign in, and their
 * sessions end now. Its history (agreements, assessments, audit) stays.
 * Refused for the actor's own organisation and for the one holding the
 * last active administrators.
 */
export async function deactivateOrganisation(actor: CurrentUser, id: string, ctx: Ctx) {
  const org = await existing(id);
  if (org.active === false) throw new Refusal(said("admin.org.alreadyDeactivated", { name: org.name }));
  if (id === actor.orgId) throw new Refusal("admin.org.ownOrganisation");
  const admins = await activeAdministrators();
  if (admins.length && admins.every((a) => a.orgId === id)) {
    throw new Refusal(said("admin.org.lastAdmins", { name: org.name }));
  }
  const at = new Date();
  await Organization.updateOne({ _id: org._id }, { $set: { active: false, deactivatedAt: at } });
  // two administrators deactivating the last two operator organisations at once: the later check undoes its own
  if (admins.length && (await activeAdministrators()).length === 0) {
    await Organization.updateOne({ _id: org._id }, { $set: { active: true, deactivatedAt: null } });
    throw new Refusal(said("admin.org.lastAdmins", { name: org.name }));
  }
  const users = await User.find({ orgId: org._id }, { _id: 1 }).lean();
  let sessionsEnded = 0;
  for (const u of users) sessionsEnded += await endSessions(String(u._id));
  forgetOrg(id);
  await recordAudit({
    action: "organization.deactivate",
    actor,
    targetType: "organization",
    targetId: id,
    details: { name: org.name, users: String(users.length), sessionsEnded: String(sessionsEnded) },
    ip: ctx.ip,
  });
  return { users: users.length, sessionsEnded };
}

export async function reactivateOrganisation(actor: CurrentUser, id: string, ctx: Ctx) {
  const org = await existing(id);
  if (org.active !== false) throw new Refusal(said("admin.org.alreadyActive", { name: org.name }));
  await Organization.updateOne({ _id: org._id, active: false }, { $set: { active: true, deactivatedAt: null } });
  forgetOrg(id);
  await recordAudit({
    action: "organization.reactivate",
    actor,
    targetType: "organization",
    targetId: id,
    details: { name: org.name },
    ip: ctx.ip,
  });
}

/** Everything /admin/organisations/<id> shows; null when there is no such organisation. */
export async function organisationPage(actor: CurrentUser, id: string) {
  const org = await organisationFor(id);
  const scope = org ? await organisationTeam(actor, id) : null;
  if (!org || !scope) return null;
  const [team, parents] = await Promise.all([teamPage(scope), parentOptions(id)]);
  // the role the organisation's kind gives its users
  const role = ROLE_FOR_KIND[org.kind];
  return { org, role, team, parents, countries: countryOptions(currentLocale()) };
}

/** What /admin/organisations/new needs. */
export async function newOrganisationPage() {
  const [kinds, parents] = await Promise.all([creatableKinds(), parentOptions()]);
  return { kinds, parents, countries: countryOptions(currentLocale()) };
}

/** The organisation page's own forms (its team's forms are team.server.ts TeamActionSchema). */
export const ORGANISATION_INTENTS = ["edit", "deactivate-org", "reactivate-org"] as const;
