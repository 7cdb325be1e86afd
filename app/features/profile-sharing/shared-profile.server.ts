import mongoose from "mongoose";
import { PROFILE_SECTIONS, type ProfileSection } from "#questionnaires/question-identity";
import { ProfileAnswer } from "#models/supplier-profile.server";
import { describeAnswer, questionTitle } from "#app/scoring/answers";
import { walkSurvey, type SurveyElement } from "#app/scoring/template";
import type { TemplateFile } from "#questionnaires/types";
import type { Locale } from "#app/i18n/locales";
import { answerWording } from "#app/features/questionnaires/answer-wording.server";
import { templateForAssessment } from "#app/features/questionnaires/questionnaire.server";

/**
 * A read-only copy of the sections of a supplier's profile that a grant
 * shares: each kept answer with its question's title and the answer in
 * words, in the reader's language, and when it was last confirmed.
 *
 * Stand-in for the profile feature's presentational read
 * (app/features/profile/profile.server.ts `profileView(orgId, { sections })`):
 * when that lands, `sharedProfile` becomes a call to it and
 * shared-profile-view.tsx gives way to its profile-view.tsx. Callers pass
 * only sections a grant in force allows; nothing here checks consent.
 */
export interface SharedAnswer {
  id: string;
  name: string;
  title: string;
  answer: string;
  confirmedAt: string;
}
export interface SharedSection {
  section: ProfileSection;
  answers: SharedAnswer[];
}

function elementsOf(template: TemplateFile): Map<string, SurveyElement> {
  const byName = new Map<string, SurveyElement>();
  walkSurvey(template.survey, (element) => {
    const key = element.valueName ?? element.name;
    if (typeof key === "string" && !byName.has(key)) byName.set(key, element);
  });
  return byName;
}

export async function sharedProfile(
  supplierOrgId: string,
  sections: readonly ProfileSection[],
  locale: Locale,
): Promise<SharedSection[]> {
  const wanted = new Set(sections);
  if (wanted.size === 0) return [];
  // a profile holds one document per question a supplier answered: filtered by section here, not by the engine
  const kept = (await ProfileAnswer.find({ orgId: new mongoose.Types.ObjectId(supplierOrgId) }).lean()).filter((a) =>
    wanted.has(a.section),
  );
  const wording = answerWording(locale);
  const templates = new Map<string, Promise<Map<string, SurveyElement> | null>>();
  const elementsFor = (templateId: string, templateVersion: string) => {
    const key = `${templateId}\n${templateVersion}`;
    if (!templates.has(key))
      templates.set(
        key,
        templateForAssessment({ templateId, templateVersion })
          .then(elementsOf)
          .catch(() => null),
      );
    return templates.get(key)!;
  };
  const bySection = new Map<ProfileSection, SharedAnswer[]>();
  for (const a of kept) {
    const element = (await elementsFor(a.templateId, a.templateVersion))?.get(a.name) ?? { name: a.name };
    const list = bySection.get(a.section) ?? [];
    list.push({
      id: a._id,
      name: a.name,
      title: questionTitle(element, wording),
      answer: describeAnswer(element, a.value, wording),
      confirmedAt: new Date(a.confirmedAt).toISOString(),
    });
    bySection.set(a.section, list);
  }
  return PROFILE_SECTIONS.filter((s) => wanted.has(s)).map((section) => ({
    section,
    answers: (bySection.get(section) ?? []).sort((x, y) => x.title.localeCompare(y.title, locale)),
  }));
}
