import mongoose from "mongoose";
import { z } from "zod";
import { PROFILE_SECTIONS, type ProfileSection } from "#questionnaires/question-identity";
import { AuditEvent, recordAudit } from "#models/audit-event.server";
import { Organization } from "#models/organization.server";
import {
  ProfileGrant,
  activeGrant,
  grantsOfSupplier,
  revokeGrant as revokeStoredGrant,
  type StoredGrant,
} from "#models/profile-grant.server";
import { Refusal } from "#models/refusal";
import { todayIso } from "#models/today";
import { addDaysIso, isIsoDate } from "#app/scoring/dates";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { User } from "#models/user.server";
import type { MessageId } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";
import { currentLocale, tIn } from "#app/i18n/messages.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { publicOrigin } from "#app/lib/env.server";
import { sendMail } from "#app/lib/mail.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { trusted } from "#app/lib/ids.server";
import { profileView } from "#app/features/profile/profile.server";

/** The longest a grant may run: two years from today. */
export const GRANT_MAX_DAYS = 731;
/** How many of the latest views of a profile the supplier's page lists. */
export const VIEWS_LISTED = 100;

export const PROFILE_VIEW_ACTION = "profile.view";

const OBJECT_ID = /^[0-9a-f]{24}$/;

const GrantSchema = z
  .object({
    intent: z.literal("grant"),
    recipientOrgId: z.string().regex(OBJECT_ID, "sharing.error.recipient"),
    scope: z.enum(["all", "chosen"], { message: "sharing.error.scope" }),
    sections: z.array(z.enum(PROFILE_SECTIONS, { message: "sharing.error.sections" })),
    expiresOn: z.string().refine(isIsoDate, "sharing.error.expiryDate"),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "chosen" && v.sections.length === 0)
      ctx.addIssue({ code: "custom", path: ["sections"], message: "sharing.error.noSections" });
    const today = todayIso();
    if (isIsoDate(v.expiresOn) && v.expiresOn <= today)
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "sharing.error.expiryPast" });
    else if (isIsoDate(v.expiresOn) && v.expiresOn > addDaysIso(today, GRANT_MAX_DAYS))
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "sharing.error.expiryTooFar" });
  });

const RevokeSchema = z.object({ intent: z.literal("revoke"), grantId: z.string().regex(OBJECT_ID) });

export type SharingForm = { intent: "grant"; values: Record<string, string | string[]> } | { intent: "revoke" };

/** What a form sent, as the grant schema reads it (sections: every checked box). */
function grantFields(form: FormData) {
  return {
    intent: form.get("intent"),
    recipientOrgId: form.get("recipientOrgId") ?? "",
    scope: form.get("scope") ?? "",
    sections: form.getAll("sections").map(String),
    expiresOn: form.get("expiresOn") ?? "",
  };
}

function actorOf(user: CurrentUser) {
  return { id: user.id, email: user.email, orgId: user.orgId };
}

/** The recipient organisations whose procurement has this supplier in its directory: the only ones it may grant. */
async function recipientsOf(supplierOrgId: string) {
  const supplier = await Organization.findById(supplierOrgId, { managedBy: 1 }).lean();
  const ids = (supplier?.managedBy ?? []).map(String);
  if (!ids.length) return [];
  const orgs = await Organization.find(
    { _id: trusted({ $in: ids.map((id) => new mongoose.Types.ObjectId(id)) }), kind: "recipient" },
    { name: 1 },
  ).lean();
  return orgs
    .map((o) => ({ id: String(o._id), name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name, currentLocale()));
}

const sectionsOf = (g: Pick<StoredGrant, "allSections" | "sections">): ProfileSection[] =>
  g.allSections ? [...PROFILE_SECTIONS] : PROFILE_SECTIONS.filter((s) => g.sections.includes(s));

/** The supplier's sharing page: its grants with their status, whom it may grant, and every view of its profile. */
export async function sharingPage(user: CurrentUser) {
  const now = new Date();
  const [grants, recipients, views] = await Promise.all([
    grantsOfSupplier(user.orgId, now),
    recipientsOf(user.orgId),
    AuditEvent.find({ targetType: "organization", targetId: user.orgId, action: PROFILE_VIEW_ACTION })
      .sort({ seq: -1 })
      .limit(VIEWS_LISTED)
      .lean(),
  ]);
  const orgIds = [
    ...new Set([...grants.map((g) => String(g.recipientOrgId)), ...views.map((v) => v.orgId ?? "")].filter(Boolean)),
  ];
  const names = new Map(
    orgIds.length
      ? (
          await Organization.find(
            { _id: trusted({ $in: orgIds.map((id) => new mongoose.Types.ObjectId(id)) }) },
            { name: 1 },
          ).lean()
        ).map((o) => [String(o._id), o.name])
      : [],
  );
  return {
    today: todayIso(now),
    maxDate: addDaysIso(todayIso(now), GRANT_MAX_DAYS),
    sections: [...PROFILE_SECTIONS],
    recipients,
    grants: grants.map((g) => ({
      id: String(g._id),
      recipient: names.get(String(g.recipientOrgId)) ?? "",
      allSections: g.allSections,
      sections: sectionsOf(g),
      expiresAt: g.expiresAt.toISOString(),
      createdAt: g.createdAt.toISOString(),
      createdBy: g.createdBy.name,
      revokedAt: g.revokedAt ? g.revokedAt.toISOString() : null,
      revokedBy: g.revokedBy?.name ?? null,
      status: g.status,
    })),
    views: views.map((v) => ({
      id: String(v.seq),
      at: new Date(v.at).toISOString(),
      who: v.actorEmail ?? "",
      organisation: names.get(v.orgId ?? "") ?? "",
      sections: (v.details.sections ?? "")
        .split(",")
        .filter((s): s is ProfileSection => (PROFILE_SECTIONS as readonly string[]).includes(s)),
    })),
  };
}

/** Runs the sharing page's form: a grant (refused with field errors) or a revocation. */
export async function sharingAction(user: CurrentUser, form: FormData, request: Request) {
  const intent = form.get("intent");
  if (intent === "grant") return grantAccess(user, form, request);
  if (intent === "revoke") {
    const parsed = RevokeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new Refusal("sharing.error.unknownGrant");
    return revokeAccess(user, parsed.data.grantId, request);
  }
  throw new Refusal("sharing.error.unknownAction");
}

/**
 * Grants a recipient read access to the profile (all or chosen sections,
 * until the end of the day chosen). A grant to the same recipient replaces
 * the one before (models/profile-grant.server: the latest grant decides).
 */
async function grantAccess(user: CurrentUser, form: FormData, request: Request) {
  const parsed = GrantSchema.safeParse(grantFields(form));
  if (!parsed.success) throw Refusal.ofFields(fieldErrors(parsed.error));
  const input = parsed.data;
  const recipients = await recipientsOf(user.orgId);
  const recipient = recipients.find((r) => r.id === input.recipientOrgId);
  if (!recipient) throw Refusal.ofFields({ recipientOrgId: ["sharing.error.recipient"] });
  const allSections = input.scope === "all";
  const sections = allSections ? [] : PROFILE_SECTIONS.filter((s) => input.sections.includes(s));
  const now = new Date();
  const created = await ProfileGrant.create({
    supplierOrgId: new mongoose.Types.ObjectId(user.orgId),
    recipientOrgId: new mongoose.Types.ObjectId(recipient.id),
    allSections,
    sections,
    // through the last day chosen
    expiresAt: new Date(`${addDaysIso(input.expiresOn, 1)}T00:00:00.000Z`),
    createdBy: { userId: new mongoose.Types.ObjectId(user.id), name: user.name },
    createdAt: now,
    revokedAt: null,
    revokedBy: null,
  });
  await recordAudit({
    action: "profile.grant",
    actor: actorOf(user),
    targetType: "organization",
    targetId: user.orgId,
    details: {
      grantId: String(created._id),
      recipientOrgId: recipient.id,
      sections: allSections ? "all" : sections.join(","),
      expiresOn: input.expiresOn,
    },
    ip: clientIp(request),
  });
  await mailRecipient(user, created.toObject() as StoredGrant, request);
  return { done: "granted" as const, recipient: recipient.name };
}

function sectionName(locale: Locale, section: ProfileSection): string {
  return section === "organisation"
    ? tIn(locale, "sharing.section.organisation")
    : tIn(locale, `labels.category.${section}` as MessageId);
}

/**
 * Tells the recipient's procurement team administrators (its procurement
 * users when it has none) that the profile is theirs to read, each in their
 * own language, with the link to it. Mail being down fails nothing.
 */
async function mailRecipient(user: CurrentUser, grant: StoredGrant, request: Request) {
  const people = await User.find(
    { orgId: grant.recipientOrgId, role: "procurement", active: true },
    { email: 1, teamAdmin: 1 },
  ).lean();
  const admins = people.filter((p) => p.teamAdmin);
  const link = `${publicOrigin(request)}/procurement/suppliers/${user.orgId}/profile`;
  const until = addDaysIso(grant.expiresAt.toISOString().slice(0, 10), -1);
  for (const person of admins.length ? admins : people) {
    const locale = await localeOfRecipient(person.email, currentLocale());
    const sections = grant.allSections
      ? tIn(locale, "sharing.allSections")
      : sectionsOf(grant)
          .map((s) => sectionName(locale, s))
          .join(", ");
    await sendMail({
      to: person.email,
      subject: tIn(locale, "sharing.mail.subject", { supplier: user.org.name }),
      text: `${tIn(locale, "sharing.mail.text", { supplier: user.org.name, sections, date: until })}\n\n${link}`,
      kind: "profile.grant",
      relatedType: "organization",
      relatedId: user.orgId,
    });
  }
}

async function revokeAccess(user: CurrentUser, grantId: string, request: Request) {
  const grant = await revokeStoredGrant(user.orgId, grantId, { userId: user.id, name: user.name });
  if (!grant) notFound();
  await recordAudit({
    action: "profile.revoke",
    actor: actorOf(user),
    targetType: "organization",
    targetId: user.orgId,
    details: { grantId, recipientOrgId: String(grant.recipientOrgId) },
    ip: clientIp(request),
  });
  const recipient = await Organization.findById(grant.recipientOrgId, { name: 1 }).lean();
  return { done: "revoked" as const, recipient: recipient?.name ?? "" };
}

/**
 * What procurement sees of a supplier's profile: only with a grant in force
 * to its organisation, only the sections granted, and every look recorded in
 * the audit trail. A supplier outside its directory is a 404; without a
 * grant (none, expired, revoked) the page says so and shows nothing else.
 */
export async function profileForRecipient(user: CurrentUser, supplierId: string, request: Request) {
  if (!OBJECT_ID.test(supplierId)) notFound();
  const supplier = await Organization.findOne(
    { _id: new mongoose.Types.ObjectId(supplierId), kind: "supplier", managedBy: user.orgId },
    { name: 1 },
  ).lean();
  if (!supplier) notFound();
  const head = { supplier: { id: supplierId, name: supplier.name } };
  const grant = await activeGrant(supplierId, user.orgId);
  if (!grant) return { ...head, shared: null };
  const sections = sectionsOf(grant);
  // the recipient must not learn the supplier's other customers from where an answer came
  const profile = await profileView(supplierId, { sections, revealSources: false });
  await recordAudit({
    action: PROFILE_VIEW_ACTION,
    actor: actorOf(user),
    targetType: "organization",
    targetId: supplierId,
    details: { grantId: String(grant._id), sections: sections.join(",") },
    ip: clientIp(request),
  });
  return {
    ...head,
    shared: {
      grantId: String(grant._id),
      allSections: grant.allSections,
      expiresAt: grant.expiresAt.toISOString(),
      sections,
      profile,
    },
  };
}
