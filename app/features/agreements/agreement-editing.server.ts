import type { CurrentUser } from "#app/features/accounts/auth.server";
import { Refusal } from "#models/refusal";
import { requireAgreement } from "./agreement-access.server";
import {
  agreementToFormValues,
  newAgreementDefaults,
  parseAgreementForm,
  type FormValues,
} from "./agreement-form.server";
import { agreementFormContext, catalogueForForm, createAgreement, updateAgreement } from "./agreements.server";
import { refreshAgreementResults } from "#app/features/assessments/freshness.server";

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
  const ctx = await agreementFormContext(user);
  return {
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
  const revision = Number(values.revision);
  if (!Number.isInteger(revision) || revision < 1)
    throw new Refusal("The form is missing its revision; reload the page and try again.");
  const saved = await updateAgreement(user, String(existing._id), revision, await parsed(user, values), request);
  await refreshAgreementResults(saved, `agreement edited by ${user.name} (revision ${revision + 1})`);
  return saved;
}
