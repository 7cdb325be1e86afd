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
