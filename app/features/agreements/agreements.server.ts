import { todayIso } from "#models/today";
import { notFound, clientIp } from "#app/lib/http.server";
import { policyOf } from "#app/features/reassessment/reassessment";
import mongoose from "mongoose";
import { recordAudit } from "#models/audit-event.server";
import { Agreement, revisionClaimKey, stampRevision, type AgreementData } from "#models/agreement.server";
import { claim, releaseClaim, takeOverStuckClaim } from "#models/claim.server";
import { countryName } from "#models/countries";
import { orgInfo } from "#app/features/accounts/org-names.server";
import { Organization } from "#models/organization.server";
import { catalogueFor, loadCatalogue } from "#questionnaires/loader";
import { currentLocale, t } from "#app/i18n/messages.server";
import type { CatalogueEntry } from "./agreement-form";
import type { AgreementFormContext, AgreementInputData, FormErrors } from "./agreement-form.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { Refusal } from "#models/refusal";
import { isDuplicateKey } from "#models/duplicate-key";
import { refuseIfArchived } from "#app/features/lifecycle/archive.server";
import { trusted } from "#app/lib/ids.server";

/**
 * The disclosing parties the recipient works with (its directory), and
 * those its agreements already name (an agreement made before the
 * directory keeps its party when edited); the suppliers it manages.
 */
export async function agreementFormContext(user: CurrentUser): Promise<AgreementFormContext> {
  const [managed, named, suppliers] = await Promise.all([
    Organization.find({ kind: "discloser", managedBy: user.orgId }, { name: 1 }).lean(),
    Agreement.find({ recipientOrgId: user.orgId }, { discloserOrgId: 1 }).limit(1000).lean(),
    Organization.find({ kind: "supplier", managedBy: user.orgId }, { name: 1, service: 1 }).sort({ name: 1 }).lean(),
  ]);
  const known = new Set(managed.map((d) => String(d._id)));
  const others = [...new Set(named.map((a) => String(a.discloserOrgId)))].filter((id) => !known.has(id));
  const earlier = others.length
    ? await Organization.find({ _id: trusted({ $in: others }), kind: "discloser" }, { name: 1 }).lean()
    : [];
  const disclosers = [...managed, ...earlier].sort((a, b) => a.name.localeCompare(b.name, "en"));
  return {
    catalogue: loadCatalogue(),
    disclosers: disclosers.map((d) => ({ id: String(d._id), name: d.name })),
    suppliers: suppliers.map((s) => ({ id: String(s._id), name: s.name, service: s.service ?? "" })),
  };
}

/** What the form needs of the catalogue (the browser gets only this). */
export function catalogueForForm(): CatalogueEntry[] {
  return catalogueFor(currentLocale()).requirements.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category,
    weight: r.weight,
    knockOut: r.knockOut,
    parameters: r.parameters.map((p) => ({
      key: p.key,
      label: p.label,
      type: p.type,
      min: p.min,
      max: p.max,
      default: p.default,
    })),
  }));
}

const duplicateReferenceRefusal = () => Refusal.ofFields({ reference: ["agreements.refusal.duplicateReference"] });

function validationErrors(error: unknown): FormErrors | null {
  if (!(error instanceof mongoose.Error.ValidationError)) return null;
  const out: FormErrors = {};
  for (const [path, e] of Object.entries(error.errors)) (out[path] ??= []).push(e.message);
  return out;
}

export async function createAgreement(user: CurrentUser, data: AgreementInputData, request: Request): Promise<string> {
  try {
    const doc = await Agreement.create({
      ...data,
      phases: datedPhases(data.phases, []),
      recipientOrgId: user.orgId,
      createdBy: user.id,
      catalogueVersion: loadCatalogue().versionTag,
      status: "active",
      revision: 1,
    });
    await recordAudit({
      action: "agreement.create",
      actor: { id: user.id, email: user.email, orgId: user.orgId },
      targetType: "agreement",
      targetId: String(doc._id),
      details: { reference: data.reference },
      ip: clientIp(request),
    });
    return String(doc._id);
  } catch (error) {
    if (isDuplicateKey(error)) throw duplicateReferenceRefusal();
    const errors = validationErrors(error);
    if (errors) throw Refusal.ofFields(errors);
    throw error;
  }
}

/** A phase keeps the date it was first added; a new one is dated today (it may trigger re-assessments). */
function datedPhases<P extends { key: string }>(
  phases: P[],
  before: { key: string; addedOn?: string | null }[],
): (P & { addedOn: string | null })[] {
  const known = new Map(before.map((p) => [p.key, p.addedOn ?? null]));
  return phases.map((p) => ({ ...p, addedOn: known.has(p.key) ? (known.get(p.key) ?? null) : todayIso() }));
}

/** Saves an edit only if nobody changed the agreement since the form was opened. */
export async function updateAgreement(
  user: CurrentUser,
  id: string,
  revision: number,
  data: AgreementInputData,
  request: Request,
): Promise<string> {
  const probe = new Agreement({
    ...data,
    recipientOrgId: user.orgId,
    createdBy: user.id,
    catalogueVersion: loadCatalogue().versionTag,
  });
  const invalid = validationErrors(
    await probe.validate().then(
      () => null,
      (e: unknown) => e,
    ),
  );
  if (invalid) throw Refusal.ofFields(invalid);
  const current = await Agreement.findOne({ _id: id, recipientOrgId: user.orgId }, { revision: 1, phases: 1 }).lean();
  if (!current) notFound();
  // an archived agreement is read-only: its terms and chain stay as they were when its survival ended
  await refuseIfArchived(id);
  const conflict = new Refusal("agreements.refusal.conflict", { status: 409 });
  // the next revision is claimed (exactly one winner on MongoDB and FerretDB alike) before it is written
  const claimKey = revisionClaimKey(id, revision + 1);
  // a save that died after claiming never wrote its revision: after a while the claim is taken over, or nobody could save again
  if (current.revision !== revision || !((await claim(claimKey)) || (await takeOverStuckClaim(claimKey))))
    throw conflict;
  await stampRevision(id, revision + 1).catch(async (error: unknown) => {
    await releaseClaim(claimKey);
    throw error;
  });
  try {
    await Agreement.updateOne(
      { _id: id, recipientOrgId: user.orgId },
      {
        $set: {
          ...data,
          phases: datedPhases(data.phases, current.phases ?? []),
          catalogueVersion: loadCatalogue().versionTag,
          revision: revision + 1,
        },
      },
    );
  } catch (error) {
    // still holding the claim, so no other writer can have stamped since: the stamp goes back to the stored revision
    await stampRevision(id, revision).catch(() => undefined);
    await releaseClaim(claimKey);
    if (isDuplicateKey(error)) throw duplicateReferenceRefusal();
    throw error;
  }
  await recordAudit({
    action: "agreement.update",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "agreement",
    targetId: id,
    details: { reference: data.reference, revision: revision + 1 },
    ip: clientIp(request),
  });
  return id;
}

/** Everything the agreement page shows, with names resolved. */
export async function agreementView(a: AgreementData & { _id: unknown }) {
  const catalogue = catalogueFor(currentLocale());
  const orgIds = [a.discloserOrgId, a.recipientOrgId, ...a.chain.map((l) => l.supplierOrgId)];
  const org = await orgInfo(orgIds);
  const nameOf = (id: unknown) => org.get(String(id))?.name ?? t("agreements.unknownOrganisation");
  return {
    id: String(a._id),
    reference: a.reference,
    title: a.title,
    status: a.status,
    revision: a.revision,
    discloser: nameOf(a.discloserOrgId),
    recipient: nameOf(a.recipientOrgId),
    effectiveDate: a.effectiveDate,
    endDate: a.endDate,
    survivalMonths: a.survivalMonths,
    governingLaw: a.governingLaw,
    forum: a.forum,
    purposes: a.purposes,
    purposeDescription: a.purposeDescription,
    exclusions: a.exclusions,
    derivedKnowHow: a.derivedKnowHow,
    compelledDisclosure: { ...a.compelledDisclosure, noticeDays: a.compelledDisclosure?.noticeDays ?? 5 },
    informationClasses: a.informationClasses,
    permittedJurisdictions: a.permittedJurisdictions.map((c) => ({ code: c, name: countryName(c) })),
    acceptedTransferMechanisms: a.acceptedTransferMechanisms,
    breachWindowHours: a.breachWindowHours,
    recipientNotifyHours: a.recipientNotifyHours,
    cooperationDuties: a.cooperationDuties,
    escalationContacts: a.escalationContacts,
    retention: a.retention,
    auditRights: a.auditRights,
    requiredCertifications: a.requiredCertifications.map((c) => c.standard),
    reassessment: policyOf(a),
    catalogueVersion: a.catalogueVersion,
    requirements: a.requirements.map((r) => {
      const req = catalogue.byId.get(r.requirementId);
      return {
        id: r.requirementId,
        title: req?.title ?? t("agreements.notInCatalogue"),
        category: req?.category ?? "",
        knockOut: req?.knockOut ?? false,
        weight: req?.weight ?? 0,
        params: (req?.parameters ?? []).map((p) => {
          const v = r.params?.[p.key] ?? p.default;
          return {
            key: p.key,
            label: p.label,
            value: Array.isArray(v)
              ? v.join(", ")
              : typeof v === "boolean"
                ? t(v ? "agreements.paramYes" : "agreements.paramNo")
                : String(v),
          };
        }),
      };
    }),
    chain: a.chain.map((l) => ({
      supplierId: String(l.supplierOrgId),
      name: nameOf(l.supplierOrgId),
      country: org.get(String(l.supplierOrgId))?.country ?? "",
      tier: l.tier,
      parentId: l.parentSupplierOrgId ? String(l.parentSupplierOrgId) : null,
      service: l.service,
      maxClass: l.maxClass,
      accessLevel: l.accessLevel,
    })),
    phases: a.phases.map((p) => ({
      key: p.key,
      name: p.name,
      purpose: p.purpose,
      classes: p.classes,
      requiredRequirementIds: p.requiredRequirementIds,
      permitted: p.permittedSupplierIds.map((id) => nameOf(id)),
    })),
    glossary: (a.glossary ?? []).map((g) => ({ term: { ...g.term }, definition: { ...g.definition } })),
  };
}

export type AgreementView = Awaited<ReturnType<typeof agreementView>>;
