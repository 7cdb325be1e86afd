import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import mongoose, { type Types } from "mongoose";
import { EDITABLE_STATUSES, type AssessmentData } from "#models/assessment.server";
import { claim } from "#models/claim.server";
import { recordAudit } from "#models/audit-event.server";
import { listEvidenceFiles } from "#models/evidence-file.server";
import { said, type Said } from "#models/refusal";
import {
  createWorkbookImport,
  findWorkbookImport,
  removeWorkbookImport,
  type WorkbookImportData,
} from "#models/workbook-import.server";
import { QUESTIONNAIRE_LANGUAGES, isLanguageCode } from "#questionnaires/languages";
import { surveyLanguages } from "#questionnaires/localise";
import { templateTitleIn } from "#questionnaires/loader";
import { describeAnswer, questionTitle } from "#app/scoring/answers";
import { clientIp } from "#app/lib/http.server";
import { currentLocale } from "#app/i18n/messages.server";
import type { Locale } from "#app/i18n/locales";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { answerableAssessment, saveAnswerChanges } from "#app/features/assessments/autosave.server";
import { askedTemplateFor } from "#app/features/assessments/survey-model.server";
import { answerWording } from "#app/features/questionnaires/answer-wording.server";
import { questionnaireLanguageFor } from "#app/features/questionnaires/language.server";
import { WORKBOOK_MAX_BYTES } from "./workbook-package.server";
import { readWorkbook, type RowError } from "./workbook-read.server";
import { buildWorkbook, workbookFileName } from "./workbook.server";
import { workbookShape } from "./workbook-shape.server";

type AssessmentDoc = AssessmentData & { _id: Types.ObjectId };

/** The languages a workbook can be written in: those the assessment's questionnaire is translated into. */
export async function workbookLanguages(assessment: AssessmentDoc): Promise<string[]> {
  const template = await askedTemplateFor(assessment);
  return "languages" in template
    ? (template.languages as string[])
    : surveyLanguages(
        template.survey,
        QUESTIONNAIRE_LANGUAGES.map((l) => l.code),
      );
}

/** The workbook of an assessment the user may see, in the language asked for (else the user's questionnaire language). */
export async function workbookDownload(user: CurrentUser, assessment: AssessmentDoc, request: Request) {
  const languages = await workbookLanguages(assessment);
  const asked = new URL(request.url).searchParams.get("lang");
  const language = (
    asked && isLanguageCode(asked) && languages.includes(asked)
      ? asked
      : await questionnaireLanguageFor(request, user.id, languages)
  ) as Locale;
  const template = await askedTemplateFor(assessment);
  const id = String(assessment._id);
  const bytes = await buildWorkbook(
    template,
    {
      assessmentId: id,
      templateId: assessment.templateId,
      templateVersion: assessment.templateVersion,
      askedQuestions: assessment.askedQuestions,
      answers: assessment.answers ?? {},
    },
    language,
  );
  return { bytes, fileName: workbookFileName(assessment.templateId, id, language) };
}

export type ReceivedWorkbook =
  | { ok: true; bytes: Uint8Array; fileName: string; fields: Record<string, string> }
  | { ok: false; status: number; message: Said; fields: Record<string, string> };

const MAX_FIELD_BYTES = 4 * 1024;
const MB = 1024 * 1024;

/**
 * Reads the upload form: the file part into memory, refused as soon as it
 * passes the size limit (the rest of the body is read and dropped, so the
 * answer can still be sent); small text fields beside it.
 */
export async function receiveWorkbook(request: Request): Promise<ReceivedWorkbook> {
  const tooLarge = said("workbook.refused.tooLarge", { mb: Math.round(WORKBOOK_MAX_BYTES / MB) });
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > WORKBOOK_MAX_BYTES + 64 * 1024) return { ok: false, status: 413, message: tooLarge, fields: {} };
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { ok: false, status: 400, message: said("workbook.refused.noFile"), fields: {} };
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; name: string } | null = null;
  let over = false;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename ? WORKBOOK_MAX_BYTES : MAX_FIELD_BYTES;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) over = true;
      else chunks.push(chunk);
    }
    if (over || size > limit) return undefined;
    if (!filename) fields[name] = Buffer.concat(chunks).toString("utf8");
    else if (name === "workbook" && !file) file = { bytes: new Uint8Array(Buffer.concat(chunks)), name: filename };
    return undefined;
  };
  try {
    await parseMultipartFormData(request, handler);
  } catch {
    return { ok: false, status: 400, message: said("workbook.refused.unreadableUpload"), fields };
  }
  if (over) return { ok: false, status: 413, message: tooLarge, fields };
  const received = file as { bytes: Uint8Array; name: string } | null;
  if (!received || received.bytes.byteLength === 0)
    return { ok: false, status: 400, message: said("workbook.refused.noFile"), fields };
  return { ok: true, bytes: received.bytes, fileName: received.name, fields };
}

export type ImportOutcome =
  | { kind: "pending"; importId: string }
  | { kind: "unchanged" }
  | { kind: "closed" }
  | { kind: "refused"; message: Said }
  | { kind: "rows"; errors: RowError[] };

/** Reads an uploaded workbook of the supplier's assessment into a pending import, applying nothing yet. */
export async function importWorkbook(
  user: CurrentUser,
  assessment: AssessmentDoc,
  upload: { bytes: Uint8Array; fileName: string },
): Promise<ImportOutcome> {
  if (!EDITABLE_STATUSES.includes(assessment.status)) return { kind: "closed" };
  const template = await askedTemplateFor(assessment);
  const id = String(assessment._id);
  const answers = assessment.answers ?? {};
  const library = (await listEvidenceFiles(user.orgId)).map((f) => ({
    id: String(f._id),
    name: f.filename,
    contentType: f.metadata?.contentType ?? "application/octet-stream",
  }));
  const read = await readWorkbook(
    upload.bytes,
    template,
    {
      assessmentId: id,
      templateId: assessment.templateId,
      templateVersion: assessment.templateVersion,
      askedQuestions: assessment.askedQuestions,
      answers,
    },
    library,
  );
  if (read.kind !== "read") return read;
  const names = Object.keys(read.changes);
  if (names.length === 0) return { kind: "unchanged" };
  const importId = await createWorkbookImport({
    assessmentId: assessment._id,
    supplierOrgId: assessment.supplierOrgId,
    userId: new mongoose.Types.ObjectId(user.id),
    fileName: upload.fileName,
    language: read.language,
    baseRevision: assessment.revision,
    changes: read.changes,
    before: Object.fromEntries(names.map((n) => [n, answers[n] ?? null])),
  });
  return { kind: "pending", importId };
}

export interface DiffRow {
  name: string;
  question: string;
  before: string;
  after: string;
}

/** A pending import's differences in words, in the reader's language. */
export async function pendingImportView(user: CurrentUser, assessment: AssessmentDoc, importId: string) {
  const pending = await findWorkbookImport(importId, {
    supplierOrgId: user.orgId,
    assessmentId: String(assessment._id),
    userId: user.id,
  });
  if (!pending) return null;
  const locale = currentLocale();
  const template = await askedTemplateFor(assessment);
  const shape = workbookShape(template, locale);
  const wording = answerWording(locale);
  const rows: DiffRow[] = shape.questions
    .filter((q) => Object.hasOwn(pending.changes, q.name))
    .map((q) => ({
      name: q.name,
      question: questionTitle(q.element, wording),
      before: describeAnswer(q.element, pending.before[q.name], wording),
      after: describeAnswer(q.element, pending.changes[q.name], wording),
    }));
  return {
    id: String(pending._id),
    fileName: pending.fileName,
    rows,
    /** the answers changed in the portal since the workbook was read: applying would be refused */
    stale: pending.baseRevision !== assessment.revision,
  };
}

export type ApplyOutcome =
  | { kind: "applied"; count: number }
  | { kind: "gone" }
  | { kind: "conflict" }
  | { kind: "closed" }
  | { kind: "invalid"; errors: string[] };

/**
 * Applies a pending import once: the import is claimed (of two clicks, or two
 * tabs, exactly one goes on) and removed, then saved through the same
 * autosave path the questionnaire uses, against the revision the workbook
 * was read at.
 */
export async function applyWorkbookImport(
  user: CurrentUser,
  assessmentId: string,
  importId: string,
  request: Request,
): Promise<ApplyOutcome> {
  const pending: WorkbookImportData | null = await findWorkbookImport(importId, {
    supplierOrgId: user.orgId,
    assessmentId,
    userId: user.id,
  });
  if (!pending || !(await claim(`workbook-import:${importId}`))) return { kind: "gone" };
  await removeWorkbookImport(importId, user.orgId);
  const answerable = await answerableAssessment(user, assessmentId);
  if (!answerable) return { kind: "gone" };
  const result = await saveAnswerChanges(user, answerable, {
    baseRevision: pending.baseRevision,
    changes: pending.changes,
  });
  switch (result.kind) {
    case "saved": {
      const count = Object.keys(pending.changes).length;
      await recordAudit({
        action: "assessment.workbook_applied",
        actor: { id: user.id, email: user.email, orgId: user.orgId },
        targetType: "assessment",
        targetId: assessmentId,
        details: { fileName: pending.fileName, changed: count, revision: result.revision, via: "workbook" },
        ip: clientIp(request),
      });
      return { kind: "applied", count };
    }
    case "conflict":
      return { kind: "conflict" };
    case "closed":
      return { kind: "closed" };
    case "invalid":
      return { kind: "invalid", errors: result.errors };
    default:
      return { kind: "gone" };
  }
}

export async function discardWorkbookImport(user: CurrentUser, assessmentId: string, importId: string) {
  const pending = await findWorkbookImport(importId, { supplierOrgId: user.orgId, assessmentId, userId: user.id });
  if (pending) await removeWorkbookImport(importId, user.orgId);
  return Boolean(pending);
}

/** The supplier's workbook page: the download's languages, whether it may upload, and a pending import's differences. */
export async function workbookPage(user: CurrentUser, assessment: AssessmentDoc, request: Request) {
  const languages = await workbookLanguages(assessment);
  const template = await askedTemplateFor(assessment);
  const importId = new URL(request.url).searchParams.get("import");
  const pending = importId ? await pendingImportView(user, assessment, importId) : null;
  return {
    id: String(assessment._id),
    title: templateTitleIn(template.title, currentLocale()),
    editable: EDITABLE_STATUSES.includes(assessment.status),
    language: await questionnaireLanguageFor(request, user.id, languages),
    languages: QUESTIONNAIRE_LANGUAGES.filter((l) => languages.includes(l.code)).map((l) => ({
      code: l.code,
      name: l.name,
    })),
    maxMb: Math.round(WORKBOOK_MAX_BYTES / MB),
    pending,
    /** the page was opened for an import that is applied, discarded or expired */
    importGone: Boolean(importId) && !pending,
  };
}
