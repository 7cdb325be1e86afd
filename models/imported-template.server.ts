import mongoose, { Schema, type Model } from "mongoose";
import type { TemplateFile } from "#questionnaires/types";

/**
 * Questionnaires imported by an administrator (VSAQ, CSV, XLSX).
 *
 * A draft holds what the importer made of an uploaded file until the admin
 * publishes it; it is kept as JSON text because imported choice values may
 * hold "." or "$", which MongoDB refuses in keys. Drafts older than a day
 * are removed when the next draft is made (FerretDB has no TTL indexes).
 *
 * A published version is immutable: publishing again adds a version. An
 * assessment pins the exact version it was sent with through
 * questionnaire_versions, like the shipped templates.
 */
interface ImportDraftData {
  createdBy: string;
  fileName: string;
  format: string;
  /** JSON of an ImportDraft */
  draftJson: string;
  createdAt?: Date;
}

const draftSchema = new Schema<ImportDraftData>(
  {
    createdBy: { type: String, required: true },
    fileName: { type: String, required: true },
    format: { type: String, required: true },
    draftJson: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
draftSchema.index({ createdAt: 1 });

export const ImportDraftDoc: Model<ImportDraftData> =
  (mongoose.models.ImportDraft as Model<ImportDraftData>) ??
  mongoose.model<ImportDraftData>("ImportDraft", draftSchema, "import_drafts");

export interface ImportedTemplateData {
  templateId: string;
  version: string;
  /** `${version}+${hash}` as computed by the loader */
  versionTag: string;
  title: string;
  /** JSON of the TemplateFile (see the draft note on keys) */
  contentJson: string;
  sourceFileName: string;
  sourceFormat: string;
  findingCount: number;
  publishedBy: string;
  publishedByEmail: string;
  publishedAt: Date;
}

const importedSchema = new Schema<ImportedTemplateData>({
  templateId: { type: String, required: true },
  version: { type: String, required: true },
  versionTag: { type: String, required: true },
  title: { type: String, required: true },
  contentJson: { type: String, required: true },
  sourceFileName: { type: String, required: true },
  sourceFormat: { type: String, required: true },
  findingCount: { type: Number, required: true },
  publishedBy: { type: String, required: true },
  publishedByEmail: { type: String, required: true },
  publishedAt: { type: Date, required: true },
});
importedSchema.index({ templateId: 1, versionTag: 1 }, { unique: true });
importedSchema.index({ templateId: 1, publishedAt: -1 });
importedSchema.index({ publishedAt: -1 });

export const ImportedTemplate: Model<ImportedTemplateData> =
  (mongoose.models.ImportedTemplate as Model<ImportedTemplateData>) ??
  mongoose.model<ImportedTemplateData>("ImportedTemplate", importedSchema, "imported_templates");

export function templateContent(doc: Pick<ImportedTemplateData, "contentJson">): TemplateFile {
  return JSON.parse(doc.contentJson) as TemplateFile;
}
