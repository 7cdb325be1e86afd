/**
 * The supplier's security profile as pages read it (issue 22): its kept
 * answers grouped by section, each in the reader's language with where it
 * came from and when it was last confirmed, its certificates, and one
 * answer's edit page with its history. Every change goes through
 * keepAnswers (keep.server.ts), the profile's one writer.
 */
import mongoose from "mongoose";
import { Assessment } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { listCertificationsForSupplier } from "#models/certification.server";
import { Organization } from "#models/organization.server";
import {
  ProfileAnswer,
  ProfileChange,
  type ProfileAnswerData,
  type ProfileSource,
} from "#models/supplier-profile.server";
import { todayIso } from "#models/today";
import { PROFILE_SECTIONS, type ProfileSection } from "#questionnaires/question-identity";
import { QUESTIONNAIRE_LANGUAGES } from "#questionnaires/languages";
import { surveyLanguages } from "#questionnaires/localise";
import { templateTitleIn } from "#questionnaires/loader";
import type { TemplateFile } from "#questionnaires/types";
import { describeAnswer, questionTitle, type AnswerWording } from "#app/scoring/answers";
import type { SurveyElement } from "#app/scoring/template";
import type { Locale } from "#app/i18n/locales";
import { currentLocale } from "#app/i18n/messages.server";
import { trusted } from "#app/lib/ids.server";
import { clientIp } from "#app/lib/http.server";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import {
  answerableQuestions,
  checkAnswerChanges,
  referencedEvidenceIds,
} from "#app/features/assessments/answers.server";
import { ownedEvidenceIds } from "#app/features/evidence/evidence.server";
import { answerWording } from "#app/features/questionnaires/answer-wording.server";
import { questionnaireLanguageFor } from "#app/features/questionnaires/language.server";
import { templateForAssessment } from "#app/features/questionnaires/questionnaire.server";
import { keepAnswers } from "./keep.server";

/** Where a kept answer (or one change of it) came from, for the reader. */
export type SourceView =
  | { kind: "submission"; agreement: string; customer: string }
  /** a submission whose assessment is gone, or whose agreement and customer the reader may not see */
  | { kind: "submissionGone" }
  | { kind: "profile" }
  | { kind: "workbook" };

export interface EvidenceLink {
  href: string;
  name: string;
}

export interface ProfileAnswerView {
  id: string;
  name: string;
  /** the question in the reader's language */
  question: string;
  /** the value in words, in the reader's language (typed text as typed) */
  answer: string;
  evidence: EvidenceLink[];
  /** ISO instant */
  confirmedAt: string;
  confirmedBy: string;
  source: SourceView;
  revision: number;
}

export interface ProfileSectionView {
  section: ProfileSection;
  answers: ProfileAnswerView[];
}

export interface CertificateView {
  id: string;
  standard: string;
  number: string;
  expiryDate: string;
  expired: boolean;
}

export interface ProfileView {
  /** sections that hold answers, in PROFILE_SECTIONS order */
  sections: ProfileSectionView[];
  certificates: CertificateView[];
  total: number;
}

export interface ProfileViewOptions {
  /** only these sections (a grant of chosen sections); all when left out */
  sections?: readonly ProfileSection[];
  /** the reader's language; the request's when left out */
  locale?: Locale;
  /**
   * name the agreement and customer a submitted answer came from (true for
   * the supplier itself). Another organisation reading the profile must not
   * learn the supplier's other customers: pass false.
   */
  revealSources?: boolean;
}

const EVIDENCE_REF = /^\/evidence\/[0-9a-f]{24}$/;

/** Files inside a value (SurveyJS file answers: `{ name, content: "/evidence/<id>" }`), with their names. */
function evidenceLinks(value: unknown, refs: readonly string[]): EvidenceLink[] {
  const named = new Map<string, string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const { content, name } = v as { content?: unknown; name?: unknown };
      if (typeof content === "string" && EVIDENCE_REF.test(content))
        named.set(content, typeof name === "string" ? name : "");
      else Object.values(v).forEach(visit);
    }
  };
  visit(value);
  for (const ref of refs) if (!named.has(ref)) named.set(ref, "");
  return [...named].map(([href, name]) => ({ href, name: name || href.slice("/evidence/".length) }));
}

/** The templates answers were given in, each read once per page. */
function templateReader() {
  const cache = new Map<string, Promise<TemplateFile | null>>();
  return (a: { templateId: string; templateVersion: string }) => {
    const key = `${a.templateId}\n${a.templateVersion}`;
    let found = cache.get(key);
    if (!found) {
      found = templateForAssessment(a).catch(() => null);
      cache.set(key, found);
    }
    return found;
  };
}

interface Located {
  element: SurveyElement | null;
  position: number;
  template: TemplateFile | null;
}

async function locate(read: ReturnType<typeof templateReader>, doc: ProfileAnswerData): Promise<Located> {
  const template = await read(doc);
  if (!template) return { element: null, position: Number.MAX_SAFE_INTEGER, template: null };
  const questions = answerableQuestions(template);
  const element = (questions.get(doc.name) as SurveyElement | undefined) ?? null;
  return { element, position: element ? [...questions.keys()].indexOf(doc.name) : questions.size, template };
}

function wordsOf(element: SurveyElement | null, name: string, value: unknown, wording: AnswerWording) {
  return {
    question: element ? questionTitle(element, wording) : name,
    answer: describeAnswer(element ?? {}, value, wording),
  };
}

interface SourceRef {
  kind: ProfileSource;
  assessmentId: mongoose.Types.ObjectId | null;
}

/** Agreement reference and customer name of each submission the supplier's answers came from. */
async function sourceReader(orgId: string, refs: readonly SourceRef[], reveal: boolean) {
  const ids = [...new Set(refs.map((s) => s.assessmentId && String(s.assessmentId)).filter(Boolean))] as string[];
  const byAssessment = new Map<string, { agreement: string; customer: string }>();
  if (reveal && ids.length) {
    const assessments = await Assessment.find(
      {
        _id: trusted({ $in: ids.map((id) => new mongoose.Types.ObjectId(id)) }),
        supplierOrgId: new mongoose.Types.ObjectId(orgId),
      },
      { ownerOrgId: 1, summary: 1 },
    ).lean();
    const owners = [...new Set(assessments.map((a) => String(a.ownerOrgId)))];
    const orgs = owners.length
      ? await Organization.find(
          { _id: trusted({ $in: owners.map((id) => new mongoose.Types.ObjectId(id)) }) },
          { name: 1 },
        ).lean()
      : [];
    const names = new Map(orgs.map((o) => [String(o._id), o.name]));
    for (const a of assessments)
      byAssessment.set(String(a._id), {
        agreement: a.summary?.agreementRef ?? "",
        customer: names.get(String(a.ownerOrgId)) ?? "",
      });
  }
  return (source: SourceRef): SourceView => {
    if (source.kind === "profile") return { kind: "profile" };
    if (source.kind === "workbook") return { kind: "workbook" };
    const found = source.assessmentId ? byAssessment.get(String(source.assessmentId)) : undefined;
    return found ? { kind: "submission", ...found } : { kind: "submissionGone" };
  };
}

async function answerViews(
  orgId: string,
  docs: readonly ProfileAnswerData[],
  locale: Locale,
  reveal: boolean,
): Promise<(ProfileAnswerView & { section: ProfileSection; position: number; templateId: string })[]> {
  const wording = answerWording(locale);
  const read = templateReader();
  const sourceOf = await sourceReader(
    orgId,
    docs.map((d) => d.source),
    reveal,
  );
  return Promise.all(
    docs.map(async (doc) => {
      const { element, position } = await locate(read, doc);
      return {
        id: doc._id,
        name: doc.name,
        ...wordsOf(element, doc.name, doc.value, wording),
        evidence: evidenceLinks(doc.value, doc.evidence ?? []),
        confirmedAt: new Date(doc.confirmedAt).toISOString(),
        confirmedBy: doc.confirmedBy?.name ?? "",
        source: sourceOf(doc.source),
        revision: doc.revision,
        section: doc.section,
        position,
        templateId: doc.templateId,
      };
    }),
  );
}

/**
 * A supplier's profile as plain data for a page: its answers grouped by
 * section (only `sections` when given), each in the reader's language, and
 * its certificates. The caller decides who may read it: the supplier
 * itself, or a recipient holding a grant (then with `revealSources: false`).
 */
export async function profileView(orgId: string, options: ProfileViewOptions = {}): Promise<ProfileView> {
  const locale = options.locale ?? currentLocale();
  const wanted = new Set<ProfileSection>(options.sections ?? PROFILE_SECTIONS);
  const [docs, certs] = await Promise.all([
    ProfileAnswer.find({ orgId: new mongoose.Types.ObjectId(orgId) }).lean(),
    listCertificationsForSupplier({ supplierOrgId: orgId }),
  ]);
  const shown = docs.filter((d) => wanted.has(d.section));
  const views = await answerViews(orgId, shown, locale, options.revealSources ?? true);
  const sections: ProfileSectionView[] = [];
  for (const section of PROFILE_SECTIONS) {
    if (!wanted.has(section)) continue;
    const answers = views
      .filter((v) => v.section === section)
      .sort((a, b) => a.templateId.localeCompare(b.templateId) || a.position - b.position || a.id.localeCompare(b.id))
      .map(({ section: _s, position: _p, templateId: _t, ...view }) => view);
    if (answers.length) sections.push({ section, answers });
  }
  const today = todayIso();
  return {
    sections,
    certificates: certs.map((c) => ({
      id: String(c._id),
      standard: c.standard,
      number: c.certificateNumber,
      expiryDate: c.expiryDate,
      expired: c.expiryDate < today,
    })),
    total: shown.length,
  };
}

/** The answer `answerId` when it is `orgId`'s; null for any other (a 404 to the caller). */
export async function findOwnAnswer(orgId: string, answerId: string): Promise<ProfileAnswerData | null> {
  if (!answerId.startsWith(`${orgId}:`)) return null;
  return ProfileAnswer.findOne({ _id: answerId, orgId: new mongoose.Types.ObjectId(orgId) }).lean();
}

export interface HistoryEntry {
  id: string;
  at: string;
  by: string;
  kind: "changed" | "confirmed";
  source: SourceView;
  answer: string;
}

/** The one question of an answer, as a survey of its own: conditions on other questions dropped. */
function oneQuestionSurvey(element: SurveyElement): Record<string, unknown> {
  const { visibleIf: _v, enableIf: _e, requiredIf: _r, ...question } = element;
  return { pages: [{ name: "answer", elements: [question] }], showQuestionNumbers: "off", showCompletedPage: false };
}

function oneQuestionTemplate(template: TemplateFile, element: SurveyElement): TemplateFile {
  return { ...template, survey: oneQuestionSurvey(element) };
}

/** The edit page of one answer: the question as a survey in the reader's questionnaire language, and its history. */
export async function answerEditPage(user: CurrentUser, doc: ProfileAnswerData, request: Request) {
  const locale = currentLocale();
  const wording = answerWording(locale);
  const read = templateReader();
  const { element, template } = await locate(read, doc);
  const changes = await ProfileChange.find({ orgId: new mongoose.Types.ObjectId(user.orgId), answerId: doc._id })
    .sort({ at: -1 })
    .limit(500)
    .lean();
  const [[answer], sourceOf] = await Promise.all([
    answerViews(user.orgId, [doc], locale, true),
    sourceReader(
      user.orgId,
      changes.map((c) => c.source),
      true,
    ),
  ]);
  const available =
    template && "languages" in template
      ? (template.languages as string[])
      : template
        ? surveyLanguages(
            template.survey,
            QUESTIONNAIRE_LANGUAGES.map((l) => l.code),
          )
        : ["en"];
  return {
    answer: answer!,
    name: doc.name,
    section: doc.section,
    value: doc.value,
    revision: doc.revision,
    questionnaire: template ? templateTitleIn(template.title, locale) : doc.templateId,
    survey: element ? oneQuestionSurvey(element) : null,
    hasFiles: JSON.stringify(element ?? {}).includes('"type":"file"'),
    language: await questionnaireLanguageFor(request, user.id, available),
    history: changes.map(
      (c): HistoryEntry => ({
        id: String(c._id),
        at: new Date(c.at).toISOString(),
        by: c.by?.name ?? "",
        kind: c.kind,
        source: sourceOf(c.source),
        answer: describeAnswer(element ?? {}, c.value, wording),
      }),
    ),
  };
}

export type ChangeOutcome =
  | { kind: "saved" }
  | { kind: "invalid"; errors: string[] }
  | { kind: "gone" }
  | { kind: "stale"; current: ProfileAnswerView };

function auditActor(user: CurrentUser) {
  return { id: user.id, email: user.email, orgId: user.orgId };
}

async function keep(
  user: CurrentUser,
  doc: ProfileAnswerData,
  value: unknown,
  expectedRevision: number,
  request: Request,
): Promise<ChangeOutcome> {
  const [outcome] = await keepAnswers(
    {
      orgId: user.orgId,
      templateId: doc.templateId,
      templateVersion: doc.templateVersion,
      by: { userId: user.id, name: user.name },
      source: { kind: "profile", assessmentId: null },
      at: new Date(),
    },
    [
      {
        identity: {
          name: doc.name,
          version: doc.version,
          meaning: doc.meaning ?? null,
          requirements: doc.requirements ?? [],
          section: doc.section,
        },
        value,
        expectedRevision,
      },
    ],
  );
  if (outcome === "stale" || outcome === "older") {
    const now = await ProfileAnswer.findById(doc._id).lean();
    const [current] = await answerViews(user.orgId, [now ?? doc], currentLocale(), true);
    return { kind: "stale", current: current! };
  }
  await recordAudit({
    action: outcome === "confirmed" ? "profile.answer.confirm" : "profile.answer.change",
    actor: auditActor(user),
    targetType: "organization",
    targetId: user.orgId,
    details: { answer: doc._id, question: doc.name },
    ip: clientIp(request),
  });
  return { kind: "saved" };
}

/**
 * Saves a new value of a kept answer, checked as its questionnaire checks it
 * (the question's type and choices, files the supplier's own), unless the
 * answer changed since `revision` was read.
 */
export async function saveProfileAnswer(
  user: CurrentUser,
  doc: ProfileAnswerData,
  input: { value: unknown; revision: number },
  request: Request,
): Promise<ChangeOutcome> {
  const read = templateReader();
  const { element, template } = await locate(read, doc);
  if (!element || !template) return { kind: "gone" };
  const changes = { [doc.name]: input.value };
  const owned = await ownedEvidenceIds(referencedEvidenceIds(changes), user.orgId);
  const checked = checkAnswerChanges(oneQuestionTemplate(template, element), changes, owned);
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  if (!(doc.name in checked.set)) return { kind: "invalid", errors: ["profile.edit.empty"] };
  return keep(user, doc, checked.set[doc.name], input.revision, request);
}

/** Confirms a kept answer as still true today (its value unchanged), unless it changed since `revision`. */
export function confirmProfileAnswer(
  user: CurrentUser,
  doc: ProfileAnswerData,
  revision: number,
  request: Request,
): Promise<ChangeOutcome> {
  return keep(user, doc, doc.value, revision, request);
}
