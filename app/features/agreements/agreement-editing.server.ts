import type { CurrentUser } from "#app/features/accounts/auth.server";
import type { AccessLevel, InfoClass } from "#models/agreement-enums";
import { isRefusal, Refusal } from "#models/refusal";
import { requireAgreement } from "./agreement-access.server";
import {
  agreementToFormValues,
  newAgreementDefaults,
  parseAgreementForm,
  type FormValues,
} from "./agreement-form.server";
import { agreementFormContext, catalogueForForm, createAgreement, updateAgreement } from "./agreements.server";
import { refreshAgreementResults } from "#app/features/assessments/freshness.server";
import { sendTriggeredReassessments } from "#app/features/reassessment/reassessment.server";
import { publicOrigin } from "#app/lib/env.server";
import { agreementLifecycle } from "#app/features/lifecycle/lifecycle.server";
import { refuseIfArchived } from "#app/features/lifecycle/archive.server";
import { said, type Reason } from "#app/scoring/said";

/** The form for a new agreement, with the catalogue's defaults. */
export async function newAgreementForm(user: CurrentUser) {
  const ctx = await agreementFormContext(user);
  return {
    values: newAgreementDefaults(ctx.catalogue),
    catalogue: catalogueForForm(),
    disclosers: ctx.disclosers,
    suppliers: ctx.suppliers,
  };
}

/** The form for editing one of the user's agreements, with the revision it was opened at. */
export async function editAgreementForm(user: CurrentUser, id: string | undefined) {
  const agreement = await requireAgreement(user, id);
  const [ctx, life] = await Promise.all([agreementFormContext(user), agreementLifecycle(agreement._id)]);
  return {
    id: String(agreement._id),
    /** an archived agreement is read-only: the page says so and shows no form (the action refuses too) */
    archived:
      life.state === "archived" ? { survivalEnded: life.end?.survivalEnds ?? life.end?.effectiveDate ?? "" } : null,
    reference: agreement.reference,
    revision: agreement.revision,
    values: agreementToFormValues(agreement),
    catalogue: catalogueForForm(),
    disclosers: ctx.disclosers,
    suppliers: ctx.suppliers,
  };
}

async function parsed(user: CurrentUser, values: FormValues) {
  const result = parseAgreementForm(values, await agreementFormContext(user));
  if (!result.ok) throw Refusal.ofFields(result.errors);
  return result.agreement;
}

/** Creates the agreement the form describes and returns its id; what is wrong with the form is a Refusal. */
export async function createAgreementFromForm(user: CurrentUser, values: FormValues, request: Request) {
  return createAgreement(user, await parsed(user, values), request);
}

/**
 * Saves the edit the form describes and returns the agreement's id; what is
 * wrong with it is a Refusal. Every result scored against the agreement is
 * scored again before the page that follows shows it.
 */
export async function updateAgreementFromForm(
  user: CurrentUser,
  id: string | undefined,
  values: FormValues,
  request: Request,
) {
  const existing = await requireAgreement(user, id);
  // an archived agreement is read-only: said before anything about the form
  await refuseIfArchived(existing._id);
  const revision = Number(values.revision);
  if (!Number.isInteger(revision) || revision < 1) throw new Refusal("agreements.refusal.missingRevision");
  const saved = await updateAgreement(user, String(existing._id), revision, await parsed(user, values), request);
  await refreshAgreementResults(
    saved,
    said("chain.trigger.agreementEdited", { name: user.name, revision: revision + 1 }),
  );
  // a disclosure phase added brings re-assessments forward: sent now, not at the next hourly run
  await sendTriggeredReassessments({ agreementId: String(existing._id) }, publicOrigin(request));
  return saved;
}

export interface NewChainLink {
  supplierOrgId: string;
  tier: number;
  /** the supplier it works for; null = works for the recipient */
  parentSupplierOrgId: string | null;
  service: string;
  maxClass: InfoClass;
  accessLevel: AccessLevel;
}

/**
 * Adds one link to the agreement's chain as if procurement had added the row
 * in the edit form and saved: the whole agreement is validated (tiers, the
 * breach budget along the deeper chain), the revision is claimed and bumped,
 * the edit audited and every result scored against it again. Appending a
 * link does not depend on what else changed, so a save that lost to someone
 * else's is tried again on the newer revision. Returns the new revision.
 */
export async function addChainLink(
  user: CurrentUser,
  id: string,
  link: NewChainLink,
  request: Request,
  /** what the edit was for, as the score's history names it */
  why: Reason,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const agreement = await requireAgreement(user, id);
    if (agreement.chain.some((l) => String(l.supplierOrgId) === link.supplierOrgId))
      throw new Refusal("agreements.refusal.alreadyInChain");
    const revision = agreement.revision ?? 1;
    const row = agreement.chain.length;
    const values: FormValues = {
      ...agreementToFormValues(agreement),
      // the edit form sends its re-assessment section; without this marker its unticked triggers would come back on
      reassessPolicy: "1",
      [`chain.${row}.supplierOrgId`]: link.supplierOrgId,
      [`chain.${row}.tier`]: String(link.tier),
      [`chain.${row}.parentSupplierOrgId`]: link.parentSupplierOrgId ?? "",
      [`chain.${row}.service`]: link.service,
      [`chain.${row}.maxClass`]: link.maxClass,
      [`chain.${row}.accessLevel`]: link.accessLevel,
    };
    const result = parseAgreementForm(values, await agreementFormContext(user));
    if (!result.ok) {
      // the form is not on screen: say what is wrong in words, the row's own errors first
      const own = Object.entries(result.errors).filter(([k]) => k.startsWith(`chain.${row}.`));
      const messages = [...own, ...Object.entries(result.errors).filter(([k]) => !k.startsWith(`chain.${row}.`))]
        .flatMap(([, m]) => m)
        .slice(0, 5);
      throw new Refusal(`The agreement would not be valid with this link: ${messages.join(" ")}`);
    }
    try {
      await updateAgreement(user, String(agreement._id), revision, result.agreement, request);
    } catch (error) {
      if (isRefusal(error) && error.status === 409 && attempt < 3) {
        await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
        continue;
      }
      throw error;
    }
    await refreshAgreementResults(
      String(agreement._id),
      said("chain.trigger.withRevision", { why, revision: revision + 1 }),
    );
    return revision + 1;
  }
}
