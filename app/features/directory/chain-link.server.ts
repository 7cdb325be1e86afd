import { z } from "zod";
import { ACCESS_LEVELS, INFO_CLASSES } from "#models/agreement-enums";
import { isRefusal, Refusal, said } from "#models/refusal";
import { say } from "#app/i18n/messages.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { requireAgreement } from "#app/features/agreements/agreement-access.server";
import { updateAgreementFromForm } from "#app/features/agreements/agreement-editing.server";
import { agreementToFormValues } from "#app/features/agreements/agreement-form.server";
import type { OrgSummary } from "./organizations.server";

export const ChainLinkSchema = z.object({
  maxClass: z.enum(INFO_CLASSES, { error: "directory.input.chooseClass" }).default("confidential"),
  accessLevel: z.enum(ACCESS_LEVELS, { error: "directory.input.chooseAccess" }).default("read"),
});
export type ChainLinkInput = z.output<typeof ChainLinkSchema>;

/**
 * Adds a supplier of the user's directory to the agreement's chain at tier 1
 * (working for the recipient), through the agreement's own editing use case:
 * the same validation, a new revision, and every result scored again. A
 * supplier already in the chain is left where it is.
 */
export async function addSupplierToChain(
  user: CurrentUser,
  agreementId: string,
  supplier: OrgSummary,
  link: ChainLinkInput,
  request: Request,
): Promise<{ added: boolean; revision: number }> {
  const agreement = await requireAgreement(user, agreementId);
  if (agreement.chain.some((l) => String(l.supplierOrgId) === supplier.id))
    return { added: false, revision: agreement.revision };
  const values = agreementToFormValues(agreement);
  const row = agreement.chain.length;
  Object.assign(values, {
    // the re-assessment section is in the values: its switches are read as they are
    reassessPolicy: "1",
    revision: String(agreement.revision),
    [`chain.${row}.supplierOrgId`]: supplier.id,
    [`chain.${row}.tier`]: "1",
    [`chain.${row}.parentSupplierOrgId`]: "",
    [`chain.${row}.service`]: "",
    [`chain.${row}.maxClass`]: link.maxClass,
    [`chain.${row}.accessLevel`]: link.accessLevel,
  });
  try {
    await updateAgreementFromForm(user, String(agreement._id), values, request);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const own = (field: string) => error.fieldErrors[`chain.${row}.${field}`] ?? [];
    if (own("maxClass").length || own("accessLevel").length)
      throw Refusal.ofFields({ maxClass: own("maxClass"), accessLevel: own("accessLevel") });
    const messages = Object.values(error.errors)
      .flat()
      .map((m) => say(m));
    throw new Refusal(said("directory.refusal.chainNotSaved", { name: supplier.name, messages: messages.join(" ") }), {
      status: error.status,
    });
  }
  return { added: true, revision: agreement.revision + 1 };
}
