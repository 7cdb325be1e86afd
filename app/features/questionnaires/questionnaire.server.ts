import { getPinnedCatalogue, getPinnedTemplate } from "#models/questionnaire-version.server";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import type { CatalogueRequirement, TemplateFile } from "#questionnaires/types";

/** The template an assessment was sent with: its pinned snapshot, else the shipped one of the same version. */
export async function templateForAssessment(a: { templateId: string; templateVersion: string }): Promise<TemplateFile> {
  const shipped = getTemplate(a.templateId);
  if (shipped && shipped.versionTag === a.templateVersion) return shipped;
  const pinned = await getPinnedTemplate(a.templateVersion);
  if (pinned) return pinned;
  throw new Error(`Template version ${a.templateVersion} is neither shipped nor stored.`);
}

export async function catalogueForVersion(versionTag: string): Promise<CatalogueRequirement[]> {
  const shipped = loadCatalogue();
  if (shipped.versionTag === versionTag) return shipped.requirements;
  const pinned = await getPinnedCatalogue(versionTag);
  if (pinned) return pinned;
  throw new Error(`Catalogue version ${versionTag} is neither shipped nor stored.`);
}
