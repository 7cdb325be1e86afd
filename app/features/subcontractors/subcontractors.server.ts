import type { Types } from "mongoose";
import { countryOptions } from "#app/features/directory/organization-input";
import { z } from "zod";
import { Agreement } from "#models/agreement.server";
import { ACCESS_LEVELS, INFO_CLASSES, type AccessLevel, type InfoClass } from "#models/agreement-enums";
import { recordAudit } from "#models/audit-event.server";
import { countryName, isCountryCode } from "#models/countries";
import { normalizeOrgName } from "#models/org-name";
import { findDuplicateOrganizations, Organization, createOrganization } from "#models/organization.server";
import { Refusal, said, type Said } from "#models/refusal";
import {
  claimDecision,
  createProposal,
  findProposal,
  proposalsByProposer,
  proposalsForRecipient,
  recordDecision,
  releaseDecision,
  type SubcontractorProposal,
} from "#models/subcontractor-proposal.server";
import { User } from "#models/user.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { localeOfRecipient } from "#app/features/accounts/locale.server";
import { currentLocale, t, tIn } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import { requireAgreement } from "#app/features/agreements/agreement-access.server";
import { addChainLink } from "#app/features/agreements/agreement-editing.server";
import { refuseIfArchived } from "#app/features/lifecycle/archive.server";
import { agreementRows } from "#app/features/assessments/read-model.server";
import { publicOrigin } from "#app/lib/env.server";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp, notFound } from "#app/lib/http.server";
import { isObjectId, toObjectId, trusted } from "#app/lib/ids.server";
import { sendMail } from "#app/lib/mail.server";
import { atMost } from "#app/lib/text-limits";
import { SUBCONTRACTOR_LIMITS as L } from "./subcontractor-limits";
import { said as saidReason } from "#app/scoring/said";

/**
 * Suppliers declare the subcontractors they use for an agreement; the
 * agreement's recipient (procurement) accepts each into the chain, under the
 * supplier that declared it, or rejects it with a reason. The recipient
 * learns about tiers it cannot see this way: flow-down reaches them.
 */

const MAX_TIER = 10;
const rank = <T extends string>(list: readonly T[], value: T) => list.indexOf(value);

const proposalId = z.string().regex(/^[0-9a-f]{24}$/, "subcontractors.error.unknownDeclaration");
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([z.literal(""), z.enum(values, { error: message })]).default("");

export const DeclareSchema = z.object({
  name: z.string().trim().min(1, "subcontractors.error.name").max(L.name, atMost(L.name)),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "subcontractors.error.countryRequired")
    .max(2, "subcontractors.error.countryFromList")
    .refine(isCountryCode, "subcontractors.error.countryFromList"),
  registrationNumber: z.string().trim().max(L.registrationNumber, atMost(L.registrationNumber)).default(""),
  service: z.string().trim().min(1, "subcontractors.error.serviceDeclared").max(L.service, atMost(L.service)),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "subcontractors.error.contactEmail")
    .max(L.contactEmail, atMost(L.contactEmail))
    .pipe(z.email("subcontractors.error.email")),
  maxClass: optionalEnum(INFO_CLASSES, "subcontractors.error.classFromList"),
  accessLevel: optionalEnum(ACCESS_LEVELS, "subcontractors.error.accessFromList"),
});
export type DeclareInput = z.output<typeof DeclareSchema>;

export const WithdrawSchema = z.object({ proposalId });

export const AcceptSchema = z.object({
  proposalId,
  /** "new": create an organisation; an id: the existing supplier procurement picked; "": nothing chosen */
  match: z.union([
    z.literal(""),
    z.literal("new"),
    z.string().regex(/^[0-9a-f]{24}$/, "subcontractors.error.chooseFromList"),
  ]),
  service: z.string().trim().min(1, "subcontractors.error.service").max(L.service, atMost(L.service)),
  maxClass: z.enum(INFO_CLASSES, { error: "subcontractors.error.maxClass" }),
  accessLevel: z.enum(ACCESS_LEVELS, { error: "subcontractors.error.accessLevel" }),
});
export type AcceptInput = z.output<typeof AcceptSchema>;

export const RejectSchema = z.object({
  proposalId,
  reason: z.string().trim().min(1, "subcontractors.error.reason").max(L.reason, atMost(L.reason)),
});

/** What a form sent, parsed; what is wrong goes beside the fields as a Refusal. */
function parse<S extends z.ZodType>(schema: S, form: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(form);
  if (!parsed.success) throw Refusal.ofFields(fieldErrors(parsed.error));
  return parsed.data;
}

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email, orgId: user.orgId });

/** An e-mail's words, said in one recipient's language. */
type MailText = (locale: Locale) => { subject: string; lines: string[] };

async function mailOrganisation(
  orgId: Types.ObjectId,
  role: "procurement" | "supplier",
  message: { text: MailText; link: string; kind: string; agreementId: string },
) {
  const users = await User.find({ orgId, role }, { email: 1, active: 1 }).lean();
  for (const u of users.filter((x) => x.active !== false)) {
    const { subject, lines } = message.text(await localeOfRecipient(u.email, currentLocale()));
    await sendMail({
      to: u.email,
      subject,
      text: [...lines, "", message.link].join("\n"),
      kind: message.kind,
      relatedType: "agreement",
      relatedId: message.agreementId,
    });
  }
}

// ---------------------------------------------------------------- the supplier's side

/** An agreement whose chain names the user's organisation, with its own link; anything else is a 404. */
async function agreementOfSupplier(user: CurrentUser, id: string | undefined) {
  if (!isObjectId(id)) notFound();
  const agreement = await Agreement.findOne(
    { _id: id, "chain.supplierOrgId": toObjectId(user.orgId) },
    { reference: 1, title: 1, recipientOrgId: 1, informationClasses: 1, chain: 1 },
  ).lean();
  const own = agreement?.chain.find((l) => String(l.supplierOrgId) === user.orgId);
  if (!agreement || !own) notFound();
  return { agreement, own };
}

type SupplierAgreement = Awaited<ReturnType<typeof agreementOfSupplier>>;

/** The agreements the supplier works under, for links to declare subcontractors from its pages. */
export async function supplierChainAgreements(user: CurrentUser) {
  const list = await Agreement.find({ "chain.supplierOrgId": toObjectId(user.orgId) }, { reference: 1, title: 1 })
    .sort({ reference: 1 })
    .limit(200)
    .lean();
  return list.map((a) => ({ id: String(a._id), reference: a.reference, title: a.title }));
}

/** What both sides see of a declared subcontractor; `reason` is the part of the decision's reason shown. */
function proposalFacts(p: SubcontractorProposal, reason: string) {
  return {
    id: String(p._id),
    name: p.name,
    country: p.country,
    countryName: countryName(p.country, currentLocale()),
    registrationNumber: p.registrationNumber,
    service: p.service,
    contactEmail: p.contactEmail,
    maxClass: p.maxClass,
    accessLevel: p.accessLevel,
    status: p.status,
    reason,
    declaredAt: p.createdAt ? new Date(p.createdAt).toISOString() : null,
    decidedAt: p.decidedAt ? new Date(p.decidedAt).toISOString() : null,
  };
}

/** The supplier's subcontractors page: what it declared under the agreement, and the form's choices. */
export async function supplierSubcontractorsPage(user: CurrentUser, agreementId: string | undefined) {
  const { agreement, own } = await agreementOfSupplier(user, agreementId);
  const [recipient, proposals] = await Promise.all([
    orgInfo([agreement.recipientOrgId]),
    proposalsByProposer(String(agreement._id), user.orgId),
  ]);
  return {
    agreement: {
      id: String(agreement._id),
      reference: agreement.reference,
      title: agreement.title,
      recipient: recipient.get(String(agreement.recipientOrgId))?.name ?? t("subcontractors.yourClient"),
    },
    own: { tier: own.tier, service: own.service, maxClass: own.maxClass, accessLevel: own.accessLevel },
    canDeclare: own.tier < MAX_TIER,
    // a subcontractor receives at most what its supplier does
    classes: INFO_CLASSES.filter(
      (c) => agreement.informationClasses.includes(c) && rank(INFO_CLASSES, c) <= rank(INFO_CLASSES, own.maxClass),
    ),
    accessLevels: ACCESS_LEVELS.filter((a) => rank(ACCESS_LEVELS, a) <= rank(ACCESS_LEVELS, own.accessLevel)),
    countries: countryOptions(currentLocale()),
    // only a rejection's reason is the supplier's to read
    declarations: proposals.map((p) => proposalFacts(p, p.status === "rejected" ? p.reason : "")),
  };
}

/**
 * The supplier declares a subcontractor it uses for the agreement. It
 * receives at most the class and access the supplier itself has; the same
 * subcontractor cannot wait twice. Procurement of the recipient is told.
 */
async function declareSubcontractor(
  user: CurrentUser,
  { agreement, own }: SupplierAgreement,
  form: Record<string, string>,
  request: Request,
): Promise<string> {
  const input: DeclareInput = parse(DeclareSchema, form);
  if (own.tier >= MAX_TIER) throw new Refusal(said("subcontractors.refusal.tooDeep", { tier: own.tier }));
  const maxClass: InfoClass = input.maxClass || own.maxClass;
  const accessLevel: AccessLevel = input.accessLevel || own.accessLevel;
  const errors: Record<string, Said[]> = {};
  if (
    rank(INFO_CLASSES, maxClass) > rank(INFO_CLASSES, own.maxClass) ||
    !agreement.informationClasses.includes(maxClass)
  )
    errors.maxClass = [said("subcontractors.refusal.classAbove", { maxClass: own.maxClass })];
  if (rank(ACCESS_LEVELS, accessLevel) > rank(ACCESS_LEVELS, own.accessLevel))
    errors.accessLevel = [said("subcontractors.refusal.accessAbove", { accessLevel: own.accessLevel })];
  const nameKey = normalizeOrgName(input.name);
  if (nameKey && nameKey === normalizeOrgName(user.org.name)) errors.name = ["subcontractors.refusal.ownOrganisation"];
  const mine = await proposalsByProposer(String(agreement._id), user.orgId);
  if (!errors.name && mine.some((p) => p.status === "proposed" && p.nameKey === nameKey))
    errors.name = [said("subcontractors.refusal.alreadyDeclared", { name: input.name })];
  if (Object.keys(errors).length) throw Refusal.ofFields(errors);

  const proposal = await createProposal({
    agreementId: agreement._id,
    recipientOrgId: agreement.recipientOrgId,
    proposedByOrgId: toObjectId(user.orgId),
    name: input.name,
    country: input.country,
    registrationNumber: input.registrationNumber,
    service: input.service,
    contactEmail: input.contactEmail,
    maxClass,
    accessLevel,
    createdBy: toObjectId(user.id),
  });
  await recordAudit({
    action: "subcontractor.propose",
    actor: actorOf(user),
    targetType: "subcontractor_proposal",
    targetId: String(proposal._id),
    details: {
      agreementId: String(agreement._id),
      reference: agreement.reference,
      name: input.name,
      country: input.country,
      tier: own.tier + 1,
    },
    ip: clientIp(request),
  });
  await mailOrganisation(agreement.recipientOrgId, "procurement", {
    text: (locale) => ({
      subject: tIn(locale, "subcontractors.mail.declared.subject", {
        supplier: user.org.name,
        reference: agreement.reference,
      }),
      lines: [
        tIn(locale, "subcontractors.mail.declared.uses", {
          supplier: user.org.name,
          tier: own.tier,
          name: input.name,
          country: countryName(input.country, locale),
          service: input.service,
        }),
        tIn(locale, "subcontractors.mail.declared.decide", { tier: own.tier + 1 }),
      ],
    }),
    link: `${publicOrigin(request)}/procurement/agreements/${String(agreement._id)}/subcontractors`,
    kind: "subcontractor",
    agreementId: String(agreement._id),
  });
  return String(proposal._id);
}

/** The supplier takes back a declaration procurement has not decided yet. */
async function withdrawSubcontractor(
  user: CurrentUser,
  { agreement }: SupplierAgreement,
  form: Record<string, string>,
  request: Request,
): Promise<void> {
  const id = parse(WithdrawSchema, form).proposalId;
  const proposal = await findProposal(id, { agreementId: String(agreement._id), proposedByOrgId: user.orgId });
  if (!proposal) notFound();
  if (proposal.status !== "proposed") throw alreadyDecided(proposal);
  if (!(await claimDecision(id, { status: "withdrawn", by: user.id }))) throw decidedMeanwhile();
  await recordDecision(id, { status: "withdrawn", decidedBy: user.id });
  await recordAudit({
    action: "subcontractor.withdraw",
    actor: actorOf(user),
    targetType: "subcontractor_proposal",
    targetId: id,
    details: { agreementId: String(agreement._id), reference: agreement.reference, name: proposal.name },
    ip: clientIp(request),
  });
}

const alreadyDecided = (p: SubcontractorProposal) =>
  new Refusal(said("subcontractors.refusal.notOpen", { status: p.status }), { status: 409 });
const decidedMeanwhile = () => new Refusal("subcontractors.refusal.decidedMeanwhile", { status: 409 });

// ---------------------------------------------------------------- procurement's side

type StoredAgreement = Awaited<ReturnType<typeof requireAgreement>>;

/** Existing suppliers that look like the declared subcontractor, as procurement may pick them. */
async function matchesFor(p: SubcontractorProposal, agreement: StoredAgreement) {
  const inChain = new Set(agreement.chain.map((l) => String(l.supplierOrgId)));
  const found = await findDuplicateOrganizations({
    name: p.name,
    country: p.country,
    registrationNumber: p.registrationNumber,
    kind: "supplier",
  });
  return found.map((o) => {
    const id = String(o._id);
    return {
      id,
      name: o.name,
      country: o.country,
      registrationNumber: o.registrationNumber ?? "",
      matchedOn: o.matchedOn,
      yours: (o.managedBy ?? []).some((m) => String(m) === String(agreement.recipientOrgId)),
      /** why it cannot be picked, if it cannot */
      unavailable: inChain.has(id)
        ? ("inChain" as const)
        : id === String(p.proposedByOrgId)
          ? ("declarer" as const)
          : null,
    };
  });
}

/** The recipient's view of the subcontractors declared under one of its agreements. */
export async function agreementProposals(user: CurrentUser, agreementId: string | undefined) {
  const agreement = await requireAgreement(user, agreementId);
  const id = String(agreement._id);
  const proposals = await proposalsForRecipient(id, user.orgId);
  const linkOf = new Map(agreement.chain.map((l) => [String(l.supplierOrgId), l]));
  const orgIds = [...proposals.map((p) => p.proposedByOrgId), ...proposals.flatMap((p) => p.supplierOrgId ?? [])];
  const deciders = [...new Set(proposals.flatMap((p) => (p.decidedBy ? [String(p.decidedBy)] : [])))];
  const [names, users, rows] = await Promise.all([
    orgInfo(orgIds),
    deciders.length ? User.find({ _id: trusted({ $in: deciders }) }, { name: 1, orgId: 1 }).lean() : [],
    agreementRows(user.orgId, id),
  ]);
  const nameOfUser = new Map(users.map((u) => [String(u._id), u]));
  const assessed = new Map(rows.map((r) => [r.supplier, r.id]));
  const views = [];
  for (const p of proposals) {
    const proposer = String(p.proposedByOrgId);
    const parent = linkOf.get(proposer);
    const supplierId = p.supplierOrgId ? String(p.supplierOrgId) : null;
    const decider = p.decidedBy ? nameOfUser.get(String(p.decidedBy)) : undefined;
    views.push({
      ...proposalFacts(p, p.reason),
      // a withdrawal is the supplier's own decision
      decidedBy: decider
        ? String(decider.orgId) === user.orgId
          ? decider.name
          : t("subcontractors.decidedBySupplier", { name: decider.name })
        : null,
      proposedBy: {
        id: proposer,
        name: names.get(proposer)?.name ?? t("subcontractors.unknownOrganisation"),
        tier: parent?.tier ?? null,
      },
      /** the tier it would take (or took); null when the supplier that declared it has left the chain */
      tier: parent ? parent.tier + 1 : null,
      matches: p.status === "proposed" ? await matchesFor(p, agreement) : [],
      supplier:
        supplierId && p.status === "accepted"
          ? {
              id: supplierId,
              name: names.get(supplierId)?.name ?? p.name,
              inChain: linkOf.has(supplierId),
              assessmentId: assessed.get(supplierId) ?? null,
            }
          : null,
    });
  }
  return {
    agreementId: id,
    reference: agreement.reference,
    classes: INFO_CLASSES.filter((c) => agreement.informationClasses.includes(c)),
    accessLevels: [...ACCESS_LEVELS],
    pending: views.filter((v) => v.status === "proposed").length,
    proposals: views,
  };
}

export type AgreementProposals = Awaited<ReturnType<typeof agreementProposals>>;

async function openProposal(user: CurrentUser, agreement: StoredAgreement, id: string) {
  const proposal = await findProposal(id, { agreementId: String(agreement._id), recipientOrgId: user.orgId });
  if (!proposal) notFound();
  if (proposal.status !== "proposed") throw alreadyDecided(proposal);
  return { agreement, proposal };
}

/** The organisation the accepted subcontractor becomes: an existing supplier procurement picked, or a new one. */
async function supplierFor(
  user: CurrentUser,
  proposal: SubcontractorProposal,
  agreement: StoredAgreement,
  match: AcceptInput["match"],
  service: string,
): Promise<{ id: string; created: boolean; undo: () => Promise<void> }> {
  const matches = await matchesFor(proposal, agreement);
  const selectable = matches.filter((m) => !m.unavailable);
  if (match === "" && selectable.length)
    throw Refusal.ofFields({
      match: ["subcontractors.refusal.pickMatch"],
    });
  if (match !== "" && match !== "new") {
    const picked = matches.find((m) => m.id === match);
    if (!picked) throw Refusal.ofFields({ match: ["subcontractors.refusal.chooseListed"] });
    if (picked.unavailable)
      throw Refusal.ofFields({
        match: [said(`subcontractors.refusal.unavailable.${picked.unavailable}`, { name: picked.name })],
      });
    const before = await Organization.findById(match, { managedBy: 1, contactEmail: 1 }).lean();
    if (!before) throw Refusal.ofFields({ match: ["subcontractors.refusal.supplierGone"] });
    const addManager = !(before.managedBy ?? []).some((m) => String(m) === user.orgId);
    const addContact = !before.contactEmail;
    if (addManager || addContact)
      await Organization.updateOne(
        { _id: match },
        {
          ...(addManager ? { $addToSet: { managedBy: toObjectId(user.orgId) } } : {}),
          ...(addContact ? { $set: { contactEmail: proposal.contactEmail } } : {}),
        },
      );
    return {
      id: match,
      created: false,
      undo: async () => {
        if (!addManager && !addContact) return;
        await Organization.updateOne(
          { _id: match },
          {
            ...(addManager ? { $pull: { managedBy: toObjectId(user.orgId) } } : {}),
            ...(addContact ? { $set: { contactEmail: "" } } : {}),
          },
        );
      },
    };
  }
  const org = await createOrganization({
    name: proposal.name,
    kind: "supplier",
    country: proposal.country,
    registrationNumber: proposal.registrationNumber,
    contactEmail: proposal.contactEmail,
    service,
    managedBy: [toObjectId(user.orgId)],
    createdBy: toObjectId(user.id),
  });
  return {
    id: String(org._id),
    created: true,
    // nothing refers to it yet: no user, no chain, no assessment
    undo: async () => void (await Organization.deleteOne({ _id: org._id })),
  };
}

/**
 * Procurement accepts a declared subcontractor: the organisation is matched
 * or created (managed by the recipient from now on), and a link added to
 * the chain under the supplier that declared it, through the agreement's own
 * edit (revision, audit, re-scoring). The decision is made once; a refused
 * edit leaves the proposal open and the directory as it was.
 */
async function acceptSubcontractor(
  user: CurrentUser,
  stored: StoredAgreement,
  form: Record<string, string>,
  request: Request,
): Promise<{ proposalId: string; supplierOrgId: string; contactEmail: string; revision: number }> {
  const input = parse(AcceptSchema, form);
  const { agreement, proposal } = await openProposal(user, stored, input.proposalId);
  const parent = agreement.chain.find((l) => String(l.supplierOrgId) === String(proposal.proposedByOrgId));
  if (!parent) throw new Refusal("subcontractors.refusal.declarerLeft");
  if (parent.tier >= MAX_TIER)
    throw new Refusal(said("subcontractors.refusal.tooDeepToAccept", { tier: parent.tier + 1, max: MAX_TIER }));
  if (!agreement.informationClasses.includes(input.maxClass))
    throw Refusal.ofFields({ maxClass: ["subcontractors.refusal.classNotShared"] });

  const id = String(proposal._id);
  if (!(await claimDecision(id, { status: "accepted", by: user.id }))) throw decidedMeanwhile();
  let supplier: Awaited<ReturnType<typeof supplierFor>> | null = null;
  let revision: number;
  try {
    supplier = await supplierFor(user, proposal, agreement, input.match, input.service);
    revision = await addChainLink(
      user,
      String(agreement._id),
      {
        supplierOrgId: supplier.id,
        tier: parent.tier + 1,
        parentSupplierOrgId: String(parent.supplierOrgId),
        service: input.service,
        maxClass: input.maxClass,
        accessLevel: input.accessLevel,
      },
      request,
      saidReason("chain.trigger.subcontractorAccepted", { subcontractor: proposal.name, name: user.name }),
    );
  } catch (error) {
    await supplier?.undo().catch(() => undefined);
    await releaseDecision(id);
    throw error;
  }
  await recordDecision(id, {
    status: "accepted",
    decidedBy: user.id,
    supplierOrgId: supplier.id,
    service: input.service,
    maxClass: input.maxClass,
    accessLevel: input.accessLevel,
  });
  await recordAudit({
    action: "subcontractor.accept",
    actor: actorOf(user),
    targetType: "subcontractor_proposal",
    targetId: id,
    details: {
      agreementId: String(agreement._id),
      reference: agreement.reference,
      name: proposal.name,
      supplierOrgId: supplier.id,
      supplierCreated: supplier.created,
      tier: parent.tier + 1,
      parentSupplierOrgId: String(parent.supplierOrgId),
      revision,
    },
    ip: clientIp(request),
  });
  await mailOrganisation(proposal.proposedByOrgId, "supplier", {
    text: (locale) => ({
      subject: tIn(locale, "subcontractors.mail.accepted.subject", {
        name: proposal.name,
        reference: agreement.reference,
      }),
      lines: [
        tIn(locale, "subcontractors.mail.accepted.body", {
          recipient: user.org.name,
          name: proposal.name,
          tier: parent.tier + 1,
          reference: agreement.reference,
        }),
        tIn(locale, "subcontractors.mail.accepted.questionnaire"),
      ],
    }),
    link: `${publicOrigin(request)}/supplier/agreements/${String(agreement._id)}/subcontractors`,
    kind: "subcontractor",
    agreementId: String(agreement._id),
  });
  return { proposalId: id, supplierOrgId: supplier.id, contactEmail: proposal.contactEmail, revision };
}

/** Procurement rejects a declared subcontractor; the supplier sees the reason and is told by e-mail. */
async function rejectSubcontractor(
  user: CurrentUser,
  stored: StoredAgreement,
  form: Record<string, string>,
  request: Request,
): Promise<string> {
  const input = parse(RejectSchema, form);
  const { agreement, proposal } = await openProposal(user, stored, input.proposalId);
  const id = String(proposal._id);
  if (!(await claimDecision(id, { status: "rejected", by: user.id }))) throw decidedMeanwhile();
  await recordDecision(id, { status: "rejected", decidedBy: user.id, reason: input.reason });
  await recordAudit({
    action: "subcontractor.reject",
    actor: actorOf(user),
    targetType: "subcontractor_proposal",
    targetId: id,
    details: {
      agreementId: String(agreement._id),
      reference: agreement.reference,
      name: proposal.name,
      reason: input.reason,
    },
    ip: clientIp(request),
  });
  await mailOrganisation(proposal.proposedByOrgId, "supplier", {
    text: (locale) => ({
      subject: tIn(locale, "subcontractors.mail.rejected.subject", {
        name: proposal.name,
        reference: agreement.reference,
      }),
      lines: [
        tIn(locale, "subcontractors.mail.rejected.body", {
          recipient: user.org.name,
          name: proposal.name,
          reference: agreement.reference,
        }),
        tIn(locale, "subcontractors.mail.rejected.reason", { reason: input.reason }),
      ],
    }),
    link: `${publicOrigin(request)}/supplier/agreements/${String(agreement._id)}/subcontractors`,
    kind: "subcontractor",
    agreementId: String(agreement._id),
  });
  return id;
}

// ---------------------------------------------------------------- the pages' actions

/** The supplier's subcontractors page posts a declaration or a withdrawal (hidden `intent`). */
export async function supplierSubcontractorAction(
  user: CurrentUser,
  agreementId: string | undefined,
  form: Record<string, string>,
  request: Request,
): Promise<{ done: "declared" | "withdrawn"; id: string }> {
  // a 404 for an agreement the supplier is not in, whatever the form says
  const found = await agreementOfSupplier(user, agreementId);
  // an archived agreement's chain no longer changes
  await refuseIfArchived(found.agreement._id);
  switch (form.intent) {
    case "declare":
      return { done: "declared", id: await declareSubcontractor(user, found, form, request) };
    case "withdraw":
      await withdrawSubcontractor(user, found, form, request);
      return { done: "withdrawn", id: form.proposalId };
    default:
      throw new Refusal("subcontractors.refusal.unknownAction");
  }
}

/** Procurement's decision on a declared subcontractor (hidden `intent`: accept or reject). */
export async function decideSubcontractor(
  user: CurrentUser,
  agreementId: string | undefined,
  form: Record<string, string>,
  request: Request,
): Promise<{ done: "accepted" | "rejected"; id: string }> {
  // a 404 for an agreement that is not the user's, whatever the form says
  const agreement = await requireAgreement(user, agreementId);
  // an archived agreement's chain no longer changes
  await refuseIfArchived(agreement._id);
  switch (form.intent) {
    case "accept":
      return { done: "accepted", id: (await acceptSubcontractor(user, agreement, form, request)).proposalId };
    case "reject":
      return { done: "rejected", id: await rejectSubcontractor(user, agreement, form, request) };
    default:
      throw new Refusal("subcontractors.refusal.unknownAction");
  }
}
