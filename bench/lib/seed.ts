import mongoose from "mongoose";
import { Agreement, type AgreementData } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { pinCatalogue, pinTemplate } from "#models/questionnaire-version.server";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";

/** What every seeded benchmark starts from: the full template and catalogue pinned, a recipient and a discloser. */
export async function seedBenchParties() {
  const catalogue = loadCatalogue();
  const template = getTemplate("full-security")!;
  const [templateVersion, catalogueVersion] = await Promise.all([pinTemplate(template), pinCatalogue(catalogue)]);
  const recipient = await Organization.create({
    slug: "bench-recipient",
    name: "Bench Recipient",
    kind: "recipient",
    country: "GB",
  });
  const discloser = await Organization.create({
    slug: "bench-discloser",
    name: "Bench Discloser",
    kind: "discloser",
    country: "CH",
  });
  return { catalogue, template, templateVersion, catalogueVersion, recipient, discloser };
}

/**
 * An agreement of the bench recipient and discloser over the whole catalogue, with the terms
 * every benchmark shares; `fields` names what this one differs in (reference, chain, ...).
 */
export function createBenchAgreement(
  parties: Awaited<ReturnType<typeof seedBenchParties>>,
  fields: Pick<AgreementData, "reference" | "title" | "chain"> & Partial<AgreementData>,
) {
  return Agreement.create({
    discloserOrgId: parties.discloser._id,
    recipientOrgId: parties.recipient._id,
    effectiveDate: "2026-01-01",
    endDate: "2028-12-31",
    survivalMonths: 60,
    governingLaw: "Swiss law",
    purposes: ["evaluation"],
    informationClasses: ["internal", "confidential"],
    recipientNotifyHours: 24,
    requirements: parties.catalogue.requirements.map((r) => ({ requirementId: r.id, params: {} })),
    catalogueVersion: parties.catalogueVersion,
    createdBy: new mongoose.Types.ObjectId(),
    ...fields,
  });
}
