import { z } from "zod";
import { listAgreementsFor } from "#models/agreement.server";
import { addDaysIso, isIsoDate } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { Organization } from "#models/organization.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { trusted } from "#app/lib/ids.server";
import { listSendableTemplates } from "#app/features/questionnaires/questionnaire-import.server";

const objectId = (message: string) => z.string().regex(/^[0-9a-f]{24}$/, message);

export const SendSchema = z.object({
  agreementId: objectId("Choose an agreement"),
  supplierOrgId: objectId("Choose a supplier"),
  templateId: z.string().min(1, "Choose a questionnaire").max(60),
  dueDate: z
    .string()
    .refine(isIsoDate, "Enter a date as YYYY-MM-DD")
    .refine((d) => d >= todayIso(), "The due date cannot be in the past"),
  emails: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.email("One of the addresses is not a valid e-mail address"))
        .min(1, "Enter at least one recipient's e-mail address")
        .max(10, "At most 10 recipients at once"),
    ),
  // a checkbox: ticked is "on"; anything else means the sender did not insist
  sendAnother: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** The send form's choices: the user's agreements with their chains' suppliers, and the questionnaires to send. */
export async function sendFormPage(user: CurrentUser) {
  const agreements = await listAgreementsFor(user);
  const supplierIds = agreements.flatMap((a) => a.chain.map((l) => l.supplierOrgId));
  const orgs = await Organization.find({ _id: trusted({ $in: supplierIds }) }, { name: 1 }).lean();
  const name = new Map(orgs.map((o) => [String(o._id), o.name]));
  return {
    agreements: agreements.map((a) => ({
      id: String(a._id),
      label: `${a.reference}: ${a.title}`,
      requirementIds: a.requirements.map((r) => r.requirementId),
      suppliers: a.chain.map((l) => ({
        id: String(l.supplierOrgId),
        name: `${name.get(String(l.supplierOrgId)) ?? "Unknown"} (tier ${l.tier})`,
      })),
    })),
    templates: (await listSendableTemplates()).map((t) => ({
      id: t.id,
      title: t.title,
      version: t.version,
      covered: t.coveredRequirementIds,
    })),
    defaultDue: addDaysIso(todayIso(), 21),
  };
}
