import mongoose, { type Types } from "mongoose";
import { Agreement } from "#models/agreement.server";
import { Assessment } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { Certification } from "#models/certification.server";
import {
  evidenceOwners,
  listEvidenceFiles,
  markUnused,
  markUsed,
  type EvidenceFileData,
} from "#models/evidence-file.server";
import { Organization } from "#models/organization.server";
import { Refusal, said } from "#models/refusal";
import { ScoreRecord } from "#models/score-record.server";
import { User } from "#models/user.server";
import { titleOf, walkSurvey } from "#app/scoring/template";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { templateForAssessment } from "#app/features/questionnaires/questionnaire.server";
import { clientIp } from "#app/lib/http.server";
import { isObjectId } from "#app/lib/ids.server";
import { t } from "#app/i18n/messages.server";
import { deleteEvidence } from "./evidence.server";

/**
 * A supplier's evidence library: every file it uploaded, what uses each one,
 * and the removal of files nothing uses. A file is in use while any of these
 * refers to it: a questionnaire's answers, a remediation answer, a
 * certificate, or a result the portal recorded (the evidence behind a past
 * verdict stays downloadable for the reviewers and auditors who read it).
 * A file nothing uses is removed by its owner, or by the daily check once it
 * has stayed unused for EVIDENCE_UNUSED_GRACE_DAYS.
 */

export const EVIDENCE_UNUSED_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;
export const LIBRARY_PAGE_SIZE = 50;

export type EvidenceUseKind = "answer" | "remediation" | "certificate" | "result";

export interface EvidenceUse {
  kind: EvidenceUseKind;
  /** what uses it, in the words of the page it is on (in the language of the request) */
  label: string;
  /** the page where the use can be seen */
  href: string;
}

const REF = /^\/evidence\/([0-9a-f]{24})$/;

/** Every evidence id referred to anywhere in `value` (answers, results: whatever their shape). */
function refsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    const m = REF.exec(value);
    if (m) into.add(m[1]);
  } else if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) refsIn(v, into);
  return into;
}

/** Question titles by name, per template version (read once per call). */
async function questionTitles(
  cache: Map<string, Promise<Map<string, string>>>,
  a: { templateId: string; templateVersion: string },
): Promise<Map<string, string>> {
  let titles = cache.get(a.templateVersion);
  if (!titles) {
    titles = templateForAssessment(a).then(
      (template) => {
        const map = new Map<string, string>();
        walkSurvey(template.survey, (element) => {
          if (typeof element.name === "string" && !map.has(element.name)) map.set(element.name, titleOf(element));
        });
        return map;
      },
      () => new Map<string, string>(),
    );
    cache.set(a.templateVersion, titles);
  }
  return titles;
}

/**
 * What uses each of the supplier's files, by file id. Reads the supplier's
 * assessments (answers, remediation, current and approved results), the
 * results recorded for them, and its certificates.
 */
export async function evidenceUses(supplierOrgId: string): Promise<Map<string, EvidenceUse[]>> {
  const uses = new Map<string, EvidenceUse[]>();
  const add = (id: string, use: EvidenceUse) => {
    const list = uses.get(id) ?? [];
    if (!list.some((u) => u.kind === use.kind && u.label === use.label)) list.push(use);
    uses.set(id, list);
  };
  const supplier = new mongoose.Types.ObjectId(supplierOrgId);
  const assessments = await Assessment.find(
    { supplierOrgId: supplier },
    {
      agreementId: 1,
      ownerOrgId: 1,
      templateId: 1,
      templateVersion: 1,
      answers: 1,
      remediation: 1,
      // of the results, only their evidence lists (a result is many kilobytes)
      "result.requirements.evidence": 1,
      "approvedResult.requirements.evidence": 1,
    },
  ).lean();
  const [agreements, owners] = await Promise.all([
    Agreement.find(
      { _id: mongoose.trusted({ $in: [...new Set(assessments.map((a) => String(a.agreementId)))] }) },
      {
        title: 1,
      },
    ).lean(),
    Organization.find(
      { _id: mongoose.trusted({ $in: [...new Set(assessments.map((a) => String(a.ownerOrgId)))] }) },
      {
        name: 1,
      },
    ).lean(),
  ]);
  const agreementTitle = new Map(agreements.map((a) => [String(a._id), a.title]));
  const ownerName = new Map(owners.map((o) => [String(o._id), o.name]));
  const titles = new Map<string, Promise<Map<string, string>>>();
  const named = new Map<string, string>();
  for (const a of assessments) {
    const id = String(a._id);
    const href = `/supplier/assessments/${id}`;
    const questionnaire = t("evidence.use.questionnaire", {
      customer: ownerName.get(String(a.ownerOrgId)) ?? t("evidence.use.aCustomer"),
      agreement: agreementTitle.get(String(a.agreementId)) ?? t("evidence.use.removedAgreement"),
    });
    named.set(id, questionnaire);
    const answers = (a.answers ?? {}) as Record<string, unknown>;
    const byQuestion = Object.entries(answers).filter(([, v]) => refsIn(v).size > 0);
    if (byQuestion.length) {
      const questions = await questionTitles(titles, a);
      for (const [name, value] of byQuestion)
        for (const ref of refsIn(value))
          add(ref, {
            kind: "answer",
            label: t("evidence.use.answer", { questionnaire, question: questions.get(name) ?? name }),
            href,
          });
    }
    for (const item of a.remediation ?? [])
      for (const ref of refsIn(item.evidence))
        add(ref, {
          kind: "remediation",
          label: t("evidence.use.remediation", { questionnaire, requirement: item.requirementId }),
          href,
        });
    const results = a as { result?: unknown; approvedResult?: unknown }; // their evidence lists only (projected)
    for (const ref of refsIn([results.result, results.approvedResult]))
      add(ref, { kind: "result", label: t("evidence.use.result", { questionnaire }), href });
  }
  if (assessments.length) {
    const records = ScoreRecord.find(
      { assessmentId: mongoose.trusted({ $in: assessments.map((a) => a._id) }) },
      // only the evidence lists of each result (a result is many kilobytes, the lists a few references)
      { assessmentId: 1, "result.requirements.evidence": 1 },
    )
      .lean<{ assessmentId: Types.ObjectId; result?: unknown }[]>()
      .cursor({ batchSize: 100 });
    for await (const r of records) {
      const id = String(r.assessmentId);
      for (const ref of refsIn(r.result))
        add(ref, {
          kind: "result",
          label: t("evidence.use.result", { questionnaire: named.get(id) ?? t("evidence.use.aQuestionnaire") }),
          href: `/supplier/assessments/${id}`,
        });
    }
  }
  const certificates = await Certification.find(
    { supplierOrgId: supplier, fileId: mongoose.trusted({ $ne: null }) },
    { standard: 1, certificateNumber: 1, fileId: 1 },
  ).lean();
  for (const c of certificates)
    add(String(c.fileId), {
      kind: "certificate",
      label: t("evidence.use.certificate", { standard: c.standard, number: c.certificateNumber }),
      href: "/supplier/certifications",
    });
  return uses;
}

export interface LibraryFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  uses: EvidenceUse[];
  /** for a file nothing uses: since when, and the day the daily check removes it */
  unusedSince: string | null;
  removedOn: string | null;
}

/**
 * Brings the files' "unused since" dates in line with what uses them now:
 * a file newly found unused is noted from `now`, one used again is cleared.
 * Returns each file's date as it now stands.
 */
async function noteUnused(
  files: readonly EvidenceFileData[],
  uses: Map<string, EvidenceUse[]>,
  now: Date,
): Promise<Map<string, Date | null>> {
  const since = new Map<string, Date | null>();
  const newlyUnused: Types.ObjectId[] = [];
  const usedAgain: Types.ObjectId[] = [];
  for (const f of files) {
    const id = String(f._id);
    const noted = f.metadata?.orphanedAt ?? null;
    if (uses.has(id)) {
      since.set(id, null);
      if (noted) usedAgain.push(f._id);
    } else {
      since.set(id, noted ?? now);
      if (!noted) newlyUnused.push(f._id);
    }
  }
  await markUnused(newlyUnused, now);
  await markUsed(usedAgain);
  return since;
}

export type LibraryFilter = "all" | "unused";

/** The supplier's library: its files (a page of them), what uses each, and the counts for the filter. */
export async function evidenceLibraryPage(user: CurrentUser, filter: LibraryFilter, page: number, now = new Date()) {
  const [files, uses] = await Promise.all([listEvidenceFiles(user.orgId), evidenceUses(user.orgId)]);
  const since = await noteUnused(files, uses, now);
  const unused = files.filter((f) => since.get(String(f._id)));
  const shown = filter === "unused" ? unused : files;
  const pages = Math.max(1, Math.ceil(shown.length / LIBRARY_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = shown.slice((current - 1) * LIBRARY_PAGE_SIZE, current * LIBRARY_PAGE_SIZE);
  const uploaders = await User.find(
    { _id: mongoose.trusted({ $in: [...new Set(slice.map((f) => String(f.metadata.uploadedBy)))] }) },
    { name: 1 },
  ).lean();
  const uploaderName = new Map(uploaders.map((u) => [String(u._id), u.name]));
  return {
    filter,
    page: current,
    pages,
    counts: { all: files.length, unused: unused.length },
    bytes: { all: files.reduce((n, f) => n + f.length, 0), unused: unused.reduce((n, f) => n + f.length, 0) },
    graceDays: EVIDENCE_UNUSED_GRACE_DAYS,
    files: slice.map((f): LibraryFile => {
      const id = String(f._id);
      const unusedSince = since.get(id) ?? null;
      return {
        id,
        name: f.filename,
        contentType: f.metadata.contentType,
        size: f.length,
        sha256: f.metadata.sha256,
        uploadedAt: f.uploadDate.toISOString(),
        uploadedBy: uploaderName.get(String(f.metadata.uploadedBy)) ?? t("evidence.library.formerUser"),
        uses: uses.get(id) ?? [],
        unusedSince: unusedSince?.toISOString() ?? null,
        removedOn: unusedSince
          ? new Date(unusedSince.getTime() + EVIDENCE_UNUSED_GRACE_DAYS * DAY_MS).toISOString().slice(0, 10)
          : null,
      };
    }),
  };
}

/**
 * Deletes one of the supplier's files that nothing uses. A file that is in
 * use (or has become so since the page was shown) is refused, saying what
 * uses it; a file that is not the supplier's, or is gone, is false (a 404).
 */
export async function deleteUnusedEvidence(user: CurrentUser, id: string, request: Request): Promise<string | false> {
  if (!isObjectId(id)) return false;
  const files = await listEvidenceFiles(user.orgId);
  const file = files.find((f) => String(f._id) === id);
  if (!file) return false;
  const uses = (await evidenceUses(user.orgId)).get(id);
  if (uses?.length)
    throw new Refusal(
      said("evidence.library.inUse", { name: file.filename, uses: uses.map((u) => u.label).join("; ") }),
      { status: 409 },
    );
  if (!(await deleteEvidence(id, user.orgId))) return false;
  await recordAudit({
    action: "evidence.delete",
    actor: { id: user.id, email: user.email, orgId: user.orgId },
    targetType: "evidence",
    targetId: id,
    details: { name: file.filename, sha256: file.metadata.sha256, size: file.length },
    ip: clientIp(request),
  });
  return file.filename;
}

/**
 * The daily check: for every organisation with files, notes which ones
 * nothing uses and removes those that have stayed unused for the grace
 * period (what uses a file is read again just before). Returns how many
 * were removed.
 */
export async function removeLongUnusedEvidence(now = new Date()): Promise<number> {
  const cutoff = now.getTime() - EVIDENCE_UNUSED_GRACE_DAYS * DAY_MS;
  let removed = 0;
  for (const orgId of await evidenceOwners()) {
    if (!isObjectId(orgId)) continue;
    const files = await listEvidenceFiles(orgId);
    const since = await noteUnused(files, await evidenceUses(orgId), now);
    for (const f of files) {
      const unusedSince = since.get(String(f._id));
      if (!unusedSince || unusedSince.getTime() > cutoff) continue;
      if (!(await deleteEvidence(String(f._id), orgId))) continue;
      removed++;
      await recordAudit({
        action: "evidence.delete",
        actor: null,
        targetType: "evidence",
        targetId: String(f._id),
        details: {
          name: f.filename,
          sha256: f.metadata.sha256,
          size: f.length,
          reason: `unused since ${unusedSince.toISOString().slice(0, 10)}`,
        },
      });
    }
  }
  return removed;
}
