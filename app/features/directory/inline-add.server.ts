import { z } from "zod";
import { Refusal } from "#models/refusal";
import { t } from "#app/i18n/messages.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { fieldErrors } from "#app/lib/forms.server";
import { addSupplierToChain, ChainLinkSchema } from "./chain-link.server";
import { DIRECTORY_KINDS, type DirectoryKind } from "./organization-input";
import {
  addOrganization,
  parseOrganizationInput,
  pickExistingOrganization,
  type DuplicateView,
  type OrgSummary,
} from "./organizations.server";

const objectId = z.string().regex(/^[0-9a-f]{24}$/, "directory.input.unknownOrganisation");

const InlineSchema = z.object({
  kind: z.enum(DIRECTORY_KINDS, { error: "directory.input.unknownKind" }),
  /** set when the user picked an organisation the portal already knows */
  useOrgId: objectId.optional(),
  /** set by "Send a questionnaire": the agreement whose chain gets the supplier at tier 1 */
  agreementId: objectId.optional(),
});

/** A form's text fields, the first value of each name (files and repeats ignored). */
export function formStrings(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && !Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
  return out;
}

/** A form post's text fields; a body that is not a form (these endpoints also let JSON through) is refused. */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data")
    throw new Refusal("directory.refusal.notAForm", { status: 415 });
  try {
    return formStrings(await request.formData());
  } catch {
    throw new Refusal("directory.refusal.formUnreadable");
  }
}

export type PickOutcome =
  /** linked: an existing one joined the directory; already: it was in the directory */
  | { kind: "created" | "linked" | "already"; organization: OrgSummary }
  | { kind: "duplicates"; duplicates: DuplicateView[]; message: string };

/**
 * Adds the organisation the form describes, or, with `useOrgId`, picks the
 * existing one the user chose among the duplicates shown.
 */
export async function addOrPick(
  user: CurrentUser,
  kind: DirectoryKind,
  values: Record<string, string>,
  request: Request,
  via = "directory",
): Promise<PickOutcome> {
  const useOrgId = values.useOrgId ? objectId.safeParse(values.useOrgId) : null;
  if (useOrgId && !useOrgId.success) throw new Refusal("directory.refusal.unknownOrganisation");
  const input = parseOrganizationInput(kind, values);
  if (useOrgId) {
    const { linked, ...organization } = await pickExistingOrganization(user, input, useOrgId.data, request, via);
    return { kind: linked ? "linked" : "already", organization };
  }
  const outcome = await addOrganization(user, input, request);
  return outcome.kind === "duplicates" ? outcome : { kind: "created", organization: outcome.organization };
}

export type InlineOutcome =
  | { ok: true; organization: OrgSummary; message: string; addedToChain: boolean }
  | { ok: false; duplicates: DuplicateView[]; message: string };

/**
 * The dialogs that add an organisation without leaving a page (the agreement
 * form, "Send a questionnaire"): add it, or pick the one the portal already
 * knows; with an agreement, also put the supplier in its chain at tier 1.
 * What is wrong is a Refusal beside the fields.
 */
export async function addFromDialog(
  user: CurrentUser,
  values: Record<string, string>,
  request: Request,
): Promise<InlineOutcome> {
  const parsed = InlineSchema.safeParse({
    kind: values.kind,
    useOrgId: values.useOrgId || undefined,
    agreementId: values.agreementId || undefined,
  });
  if (!parsed.success) throw Refusal.ofFields(fieldErrors(parsed.error));
  const { kind, useOrgId, agreementId } = parsed.data;
  if (agreementId && kind !== "supplier") throw new Refusal("directory.refusal.onlySuppliersChain");
  const link = ChainLinkSchema.safeParse({
    maxClass: values.maxClass || undefined,
    accessLevel: values.accessLevel || undefined,
  });
  if (!link.success) throw Refusal.ofFields(fieldErrors(link.error));
  const picked = await addOrPick(user, kind, { ...values, useOrgId: useOrgId ?? "" }, request, "dialog");
  if (picked.kind === "duplicates") return { ok: false, duplicates: picked.duplicates, message: picked.message };
  const { organization } = picked;
  const created = picked.kind === "created";
  const name = organization.name;
  if (!agreementId)
    return {
      ok: true,
      organization,
      message: t(created ? "directory.dialog.added" : "directory.dialog.present", { name }),
      addedToChain: false,
    };
  const chained = await addSupplierToChain(user, agreementId, organization, link.data, request);
  return {
    ok: true,
    organization,
    addedToChain: chained.added,
    message: chained.added
      ? t(created ? "directory.dialog.addedChained" : "directory.dialog.presentChained", {
          name,
          revision: chained.revision,
        })
      : t(created ? "directory.dialog.addedInChain" : "directory.dialog.presentInChain", { name }),
  };
}
