/**
 * Server side of the questionnaire import: reads the upload, keeps drafts,
 * publishes versions, and offers published imports to procurement beside
 * the shipped templates.
 */
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { z } from "zod";
import { ImportDraftDoc, ImportedTemplate, templateContent } from "#models/imported-template.server";
import { recordAudit } from "#models/audit-event.server";
import { pinTemplate } from "#models/questionnaire-version.server";
import {
  finalizeDraft,
  importQuestionnaire,
  MAX_IMPORT_BYTES,
  slugify,
  suggestRequirements,
  type ImportDraft,
} from "#questionnaires/import";
import {
  getTemplate,
  listQuestions,
  loadCatalogue,
  loadTemplates,
  prepareTemplate,
  type LoadedTemplate,
} from "#questionnaires/loader";
import { TEMPLATE_ID_RE } from "#questionnaires/schema";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { clientIp } from "#app/lib/http.server";
import { fieldErrors } from "#app/lib/forms.server";
import { abbreviate, limitedText, tooLong } from "#app/lib/text-limits";
import { isObjectId, trusted } from "#app/lib/ids.server";
import { isDuplicateKey } from "#models/duplicate-key";
import { Refusal, said, type Said } from "#models/refusal";
import { t } from "#app/i18n/messages.server";
import { PUBLISH_LIMITS } from "./publish-limits";

const L = PUBLISH_LIMITS;
const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MB = MAX_IMPORT_BYTES / 1024 / 1024;

const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: "questionnaires.upload.choose" })
    .refine((f) => f.name !== "" || f.size > 0, "questionnaires.upload.choose")
    .refine((f) => f.size > 0, "questionnaires.upload.empty")
    .refine((f) => f.size <= MAX_IMPORT_BYTES, "questionnaires.upload.tooLarge")
    .refine((f) => /\.(json|csv|xlsx)$/i.test(f.name), "questionnaires.upload.type"),
});

/** What is wrong with the uploaded file, beside the file field. */
const fileRefusal = (messages: Said[], status = 400) => Refusal.ofFields({ file: messages }, status);

/** Reads the multipart upload (at most MAX_IMPORT_BYTES), runs the importer and stores a draft; returns its id. */
export async function receiveImport(request: Request, user: CurrentUser): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_IMPORT_BYTES + 64 * 1024)
    throw fileRefusal([said("questionnaires.upload.tooLarge", { mb: MB })], 413);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    throw fileRefusal(["questionnaires.upload.notForm"]);
  let form: FormData;
  try {
    form = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError)
      throw fileRefusal([said("questionnaires.upload.tooLarge", { mb: MB })], 413);
    // a malformed multipart body is the client's, not a fault of the portal
    throw fileRefusal(["questionnaires.upload.unreadable"]);
  }
  const parsed = UploadSchema.safeParse({ file: form.get("file") });
  if (!parsed.success) throw fileRefusal(parsed.error.issues.map((i) => said(i.message, { mb: MB })));
  const file = parsed.data.file;
  const outcome = await importQuestionnaire(
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    loadCatalogue(),
  );
  if (!outcome.ok) throw fileRefusal(outcome.errors);
  await ImportDraftDoc.deleteMany({ createdAt: trusted({ $lt: new Date(Date.now() - DRAFT_LIFETIME_MS) }) });
  const doc = await ImportDraftDoc.create({
    createdBy: user.id,
    fileName: file.name.slice(0, 200),
    format: outcome.draft.format,
    draftJson: JSON.stringify(outcome.draft),
  });
  return String(doc._id);
}

export async function getDraft(id: string): Promise<{ id: string; fileName: string; draft: ImportDraft } | null> {
  if (!isObjectId(id)) return null;
  const doc = await ImportDraftDoc.findById(id).lean();
  if (!doc) return null;
  return { id: String(doc._id), fileName: doc.fileName, draft: JSON.parse(doc.draftJson) as ImportDraft };
}

/** Defaults for the publish form: an id and title from the file, a version from the date. */
export function draftDefaults(fileName: string, draft: ImportDraft) {
  const base = slugify(draft.title) || slugify(fileName.replace(/\.[^.]+$/, "")) || "imported";
  return {
    templateId: getTemplate(base) ? `${base}-imported` : base,
    title: draft.title,
    version: new Date().toISOString().slice(0, 10),
    description: t("questionnaires.import.defaultDescription", { fileName }),
  };
}

export const PublishSchema = z.object({
  draftId: z.string().regex(/^[0-9a-f]{24}$/, "questionnaires.publish.draftMissing"),
  templateId: z
    .string()
    .trim()
    .max(L.templateId, tooLong("The id", L.templateId))
    .min(1, "questionnaires.publish.enterId")
    .regex(TEMPLATE_ID_RE, "questionnaires.publish.idFormat")
    .refine((id) => !getTemplate(id), "questionnaires.publish.shippedId"),
  title: limitedText("The title", L.title).min(1, "questionnaires.publish.enterTitle"),
  version: z
    .string()
    .trim()
    .max(L.version, tooLong("The version", L.version))
    .min(1, "questionnaires.publish.enterVersion")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "questionnaires.publish.versionFormat"),
  description: limitedText("The description", L.description),
  /** the admin confirmed publishing a questionnaire in which no question is required */
  confirmNoRequired: z
    .enum(["", "yes"], { error: "questionnaires.publish.unknownConfirmation" })
    .transform((v) => v === "yes")
    .optional(),
});
export type PublishInput = z.infer<typeof PublishSchema>;

export type PublishResult =
  | { ok: true; templateId: string; versionTag: string }
  | { ok: false; errors: Record<string, string[]> };

/**
 * Publishes a draft with the admin's requirement mapping: validated as the
 * loader validates shipped templates, stored as a new immutable version,
 * pinned by version tag, audited; the draft is then removed. Nothing is
 * stored when anything fails.
 */
export async function publishDraft(
  user: CurrentUser,
  request: Request,
  input: PublishInput,
  mapping: Record<string, string[]>,
  required?: ReadonlySet<string>,
): Promise<PublishResult> {
  const found = await getDraft(input.draftId);
  if (!found) return { ok: false, errors: { "": [t("questionnaires.publish.draftExpired")] } };
  const catalogue = loadCatalogue();
  const result = finalizeDraft(
    found.draft,
    { id: input.templateId, title: input.title, version: input.version, description: input.description },
    catalogue,
    mapping,
    required,
  );
  if (!result.ok) return { ok: false, errors: { "": result.errors } };
  const anyRequired = listQuestions(result.template.survey).some((q) => q.isRequired);
  if (!anyRequired && !input.confirmNoRequired)
    return {
      ok: false,
      errors: {
        required: [t("questionnaires.publish.noneRequired")],
      },
    };
  const loaded = prepareTemplate(result.template, catalogue);
  const existing = await ImportedTemplate.findOne(
    { templateId: loaded.id, versionTag: loaded.versionTag },
    { _id: 1 },
  ).lean();
  if (existing)
    return {
      ok: false,
      errors: { version: [t("questionnaires.publish.alreadyPublished")] },
    };
  try {
    await ImportedTemplate.create({
      templateId: loaded.id,
      version: loaded.version,
      versionTag: loaded.versionTag,
      title: loaded.title,
      contentJson: JSON.stringify(result.template),
      sourceFileName: found.fileName,
      sourceFormat: found.draft.format,
      findingCount: found.draft.findings.length,
      publishedBy: user.id,
      publishedByEmail: user.email,
      publishedAt: new Date(),
    });
  } catch (e) {
    if (isDuplicateKey(e))
      return {
        ok: false,
        errors: { version: [t("questionnaires.publish.alreadyPublished")] },
      };
    throw e;
  }
  await pinTemplate(loaded);
  await recordAudit({
    action: "questionnaire.publish",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "questionnaire",
    targetId: loaded.id,
    details: {
      version: loaded.versionTag,
      source: found.fileName,
      format: found.draft.format,
      findings: found.draft.findings.length,
    },
    ip: clientIp(request),
  });
  await ImportDraftDoc.deleteOne({ _id: found.id });
  return { ok: true, templateId: loaded.id, versionTag: loaded.versionTag };
}

export async function listImportedVersions() {
  const docs = await ImportedTemplate.find({}, { contentJson: 0 }).sort({ publishedAt: -1 }).limit(500).lean();
  return docs.map((d) => ({
    id: String(d._id),
    templateId: d.templateId,
    version: d.version,
    versionTag: d.versionTag,
    title: d.title,
    sourceFileName: d.sourceFileName,
    sourceFormat: d.sourceFormat,
    findingCount: d.findingCount,
    publishedByEmail: d.publishedByEmail,
    publishedAt: d.publishedAt.toISOString(),
  }));
}

/** The newest published version of an imported template, validated against the current catalogue. */
async function latestImported(templateId: string): Promise<LoadedTemplate | null> {
  const doc = await ImportedTemplate.findOne({ templateId }).sort({ publishedAt: -1, _id: -1 }).lean();
  if (!doc) return null;
  try {
    return prepareTemplate(templateContent(doc), loadCatalogue());
  } catch {
    // the catalogue moved on and the import no longer fits it: it cannot be sent until imported again
    return null;
  }
}

/**
 * Templates procurement may send: the shipped ones, then the newest
 * version of each imported one. Shipped ids win: an import can never shadow them.
 */
export async function listSendableTemplates(): Promise<LoadedTemplate[]> {
  const shipped = loadTemplates();
  const ids: string[] = await ImportedTemplate.distinct("templateId");
  const imported = await Promise.all(
    ids
      .filter((id) => !getTemplate(id))
      .sort()
      .map(latestImported),
  );
  return [...shipped, ...imported.filter((t): t is LoadedTemplate => t !== null)];
}

/** The template to send under this id: shipped, else the newest published import. */
export async function findSendableTemplate(id: string): Promise<LoadedTemplate | null> {
  return getTemplate(id) ?? (TEMPLATE_ID_RE.test(id) ? await latestImported(id) : null);
}

/**
 * The import page: the draft named in the URL (if it still exists), its
 * questions grouped by section with suggested requirements, its publish
 * defaults and the catalogue to map onto.
 */
export async function importPageData(draftId: string | null) {
  const found = draftId ? await getDraft(draftId) : null;
  const catalogue = loadCatalogue();
  const suggest = suggestRequirements(catalogue.requirements);
  return {
    missingDraft: Boolean(draftId) && !found,
    draft: found
      ? {
          id: found.id,
          fileName: found.fileName,
          format: found.draft.format,
          survey: found.draft.survey,
          sections: draftSections(found.draft).map((section) => ({
            ...section,
            questions: section.questions.map((q) => ({
              name: q.name,
              title: q.title,
              type: q.type,
              required: q.required,
              requirements: q.requirements,
              judgeNote: q.judgeNote,
              suggestions: suggest({ title: q.title, section: section.title }),
            })),
          })),
          findings: found.draft.findings,
        }
      : null,
    defaults: found ? draftDefaults(found.fileName, found.draft) : null,
    requirements: catalogue.requirements.map((r) => ({ id: r.id, title: r.title, category: r.category })),
  };
}

/** The draft's questions by page, in order; drafts stored before sections existed fall back to the page name. */
function draftSections(draft: ImportDraft) {
  const sections: { key: string; title: string; questions: ImportDraft["questions"] }[] = [];
  for (const q of draft.questions) {
    const key = q.pageName || "questions";
    let section = sections.find((s) => s.key === key);
    if (!section) {
      section = { key, title: q.section || q.pageName || t("questionnaires.import.defaultSection"), questions: [] };
      sections.push(section);
    }
    section.questions.push({ ...q, required: q.required ?? false });
  }
  return sections;
}

const PUBLISH_FIELDS = ["draftId", "templateId", "title", "version", "description", "confirmNoRequired"] as const;

/** The publish form's text fields as typed (whole: the schema refuses what is too long), to validate and to show again. */
export function publishFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of PUBLISH_FIELDS) {
    const v = form.get(key);
    values[key] = typeof v === "string" ? v : "";
  }
  return values;
}

/** Values named in a message: the first few, each shortened for display. */
function shortList(values: string[]): string {
  const shown = values.slice(0, 5).map((v) => abbreviate(v, 40));
  return values.length > shown.length
    ? t("questionnaires.publish.andMore", { shown: shown.join(", "), count: values.length - shown.length })
    : shown.join(", ");
}

/** A question name in a "req:" or "required:" field: no question is named longer, so a longer one is refused, not cut. */
const QUESTION_NAME_MAX = 200;

/**
 * Publishes the draft as the publish form describes: its fields, per
 * question the requirement ids chosen ("req:<question>" fields) and whether
 * it is required ("required:<question>" = "yes"; a form without any
 * "required:" field keeps what the file says). What is wrong with the form
 * is a Refusal.
 */
export async function publishFromForm(
  user: CurrentUser,
  request: Request,
  values: Record<string, string>,
  form: FormData,
): Promise<{ templateId: string; title: string; versionTag: string }> {
  const parsed = PublishSchema.safeParse(values);
  const known = new Set(loadCatalogue().requirements.map((r) => r.id));
  const mapping: Record<string, string[]> = {};
  const unknown: string[] = [];
  const unknownQuestions: string[] = [];
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("req:") || typeof value !== "string") continue;
    const name = key.slice("req:".length);
    if (name.length > QUESTION_NAME_MAX) {
      unknownQuestions.push(name);
      continue;
    }
    mapping[name] ??= [];
    if (value === "") continue;
    if (known.has(value)) mapping[name].push(value);
    else unknown.push(value);
  }
  // questions left without any selection still send an empty "req:" field, so every question is in the mapping
  let required: Set<string> | undefined;
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("required:")) continue;
    required ??= new Set();
    const name = key.slice("required:".length);
    if (name.length > QUESTION_NAME_MAX) unknownQuestions.push(name);
    else if (value === "yes") required.add(name);
  }
  if (!parsed.success || unknown.length || unknownQuestions.length) {
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (unknown.length) (errors[""] ??= []).push(t("questionnaires.publish.unknownIds", { list: shortList(unknown) }));
    if (unknownQuestions.length)
      (errors[""] ??= []).push(
        t("questionnaires.publish.unknownQuestions", { max: QUESTION_NAME_MAX, list: shortList(unknownQuestions) }),
      );
    throw Refusal.ofFields(errors);
  }
  const result = await publishDraft(user, request, parsed.data, mapping, required);
  if (!result.ok) throw Refusal.ofFields(result.errors);
  return { templateId: result.templateId, title: parsed.data.title, versionTag: result.versionTag };
}

/** The admin's list: the questionnaires shipped with the portal and the versions imported. */
export async function questionnaireOverview() {
  return {
    shipped: loadTemplates().map((t) => ({
      id: t.id,
      title: t.title,
      versionTag: t.versionTag,
      questions: t.questions.length,
    })),
    imported: await listImportedVersions(),
  };
}
