import mongoose, { Schema, type Model } from "mongoose";
import type { LoadedCatalogue, LoadedTemplate } from "#questionnaires/loader";
import type { CatalogueRequirement, RequirementCatalogue, TemplateFile } from "#questionnaires/types";
import { isDuplicateKey } from "./duplicate-key";

/**
 * Every catalogue and template version an assessment was sent with, stored
 * once by its version tag (version + content hash). Re-scoring an old
 * assessment uses exactly what it was answered against, even after the
 * files in questionnaires/ have moved on.
 */
interface QuestionnaireVersionData {
  kind: "catalogue" | "template";
  versionTag: string;
  templateId: string | null;
  /** the JSON as shipped: a RequirementCatalogue or a TemplateFile */
  content: unknown;
  createdAt?: Date;
}

const schema = new Schema<QuestionnaireVersionData>(
  {
    kind: { type: String, enum: ["catalogue", "template"], required: true },
    versionTag: { type: String, required: true },
    templateId: { type: String, default: null },
    content: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);
schema.index({ kind: 1, versionTag: 1 }, { unique: true });

export const QuestionnaireVersion: Model<QuestionnaireVersionData> =
  (mongoose.models.QuestionnaireVersion as Model<QuestionnaireVersionData>) ??
  mongoose.model<QuestionnaireVersionData>("QuestionnaireVersion", schema, "questionnaire_versions");

async function pin(kind: "catalogue" | "template", versionTag: string, templateId: string | null, content: unknown) {
  await QuestionnaireVersion.updateOne(
    { kind, versionTag },
    { $setOnInsert: { kind, versionTag, templateId, content: JSON.parse(JSON.stringify(content)) } },
    { upsert: true },
  ).catch((e: unknown) => {
    if (!isDuplicateKey(e)) throw e;
  });
}

export async function pinCatalogue(catalogue: LoadedCatalogue): Promise<string> {
  const content: RequirementCatalogue = { version: catalogue.version, requirements: catalogue.requirements };
  await pin("catalogue", catalogue.versionTag, null, content);
  return catalogue.versionTag;
}

export async function pinTemplate(template: LoadedTemplate): Promise<string> {
  const content: TemplateFile = {
    id: template.id,
    title: template.title,
    version: template.version,
    description: template.description,
    survey: template.survey,
  };
  await pin("template", template.versionTag, template.id, content);
  return template.versionTag;
}

/**
 * A pinned version never changes (it is inserted once, `$setOnInsert`), so
 * this process keeps the ones it has read: an autosave or a page of an
 * imported questionnaire would otherwise read the whole questionnaire again.
 * Callers treat what they get as read-only, like the shipped files.
 */
const MAX_PINNED = 64;
const pinned = new Map<string, unknown>();

async function readPinned(kind: "catalogue" | "template", versionTag: string): Promise<unknown> {
  const key = `${kind}:${versionTag}`;
  if (pinned.has(key)) return pinned.get(key);
  const doc = await QuestionnaireVersion.findOne({ kind, versionTag }).lean();
  if (!doc) return null; // not kept: it may be pinned a moment later
  if (pinned.size >= MAX_PINNED) pinned.delete(pinned.keys().next().value!);
  pinned.set(key, doc.content);
  return doc.content;
}

export async function getPinnedCatalogue(versionTag: string): Promise<CatalogueRequirement[] | null> {
  const content = (await readPinned("catalogue", versionTag)) as RequirementCatalogue | null;
  return content ? content.requirements : null;
}

export async function getPinnedTemplate(versionTag: string): Promise<TemplateFile | null> {
  return (await readPinned("template", versionTag)) as TemplateFile | null;
}
