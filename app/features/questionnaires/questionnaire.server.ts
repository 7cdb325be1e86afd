import { ImportedTemplate } from "#models/imported-template.server";
import { getPinnedCatalogue, getPinnedTemplate } from "#models/questionnaire-version.server";
import { getTemplate, loadCatalogue, templateTitleIn } from "#questionnaires/loader";
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

/**
 * The title people know a questionnaire by: the shipped template's, else the
 * imported one's (of the version the assessment was sent with, else the
 * newest). The id only when nothing of that name exists any more. In
 * `language` (English unless given) where the shipped translations have
 * the title; an imported title without one stays as it was written.
 */
export async function templateTitle(templateId: string, templateVersion?: string, language = "en"): Promise<string> {
  const shipped = getTemplate(templateId);
  if (shipped) return templateTitleIn(shipped.title, language);
  const exact = templateVersion
    ? await ImportedTemplate.findOne({ templateId, versionTag: templateVersion }, { title: 1 }).lean()
    : null;
  const imported =
    exact ?? (await ImportedTemplate.findOne({ templateId }, { title: 1 }).sort({ publishedAt: -1, _id: -1 }).lean());
  return imported ? templateTitleIn(imported.title, language) : templateId;
}
