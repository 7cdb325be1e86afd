import { Model, Serializer } from "survey-core";
import { tailorSurvey } from "#questionnaires/tailor";
import type { TemplateFile } from "#questionnaires/types";
import { templateForAssessment } from "#app/features/questionnaires/questionnaire.server";
import { requiredQuestions } from "./questions-left";

// The templates carry Flowdown metadata on questions; registered so SurveyJS keeps it quietly.
if (!Serializer.findProperty("question", "flowdown"))
  Serializer.addProperty("question", { name: "flowdown:object", visible: false });

/**
 * The template as the supplier is asked it: only the questions recorded
 * when it was sent (all of them for an assessment sent before tailoring).
 */
// a template and its question list are fixed for an assessment's life: tailor each pair once
const tailored = new WeakMap<TemplateFile, Map<string, TemplateFile>>();
const MAX_TAILORED_PER_TEMPLATE = 200;

export function askedTemplate<T extends TemplateFile>(template: T, askedQuestions: readonly string[] | undefined): T {
  if (!askedQuestions?.length) return template;
  const key = askedQuestions.join("\n");
  let byAsked = tailored.get(template);
  if (!byAsked) tailored.set(template, (byAsked = new Map()));
  const hit = byAsked.get(key);
  if (hit) return hit as T;
  const made = { ...template, survey: tailorSurvey(template.survey, askedQuestions) };
  if (byAsked.size >= MAX_TAILORED_PER_TEMPLATE) byAsked.delete(byAsked.keys().next().value!);
  byAsked.set(key, made);
  return made;
}

/** The pinned template of an assessment, tailored to the questions it asks. */
export async function askedTemplateFor(a: { templateId: string; templateVersion: string; askedQuestions?: string[] }) {
  return askedTemplate(await templateForAssessment(a), a.askedQuestions);
}

/**
 * Questions that must be answered before submission: required, visible
 * with these answers (conditions evaluated by SurveyJS itself, as in the
 * browser), and empty.
 */
export function missingRequiredAnswers(
  template: TemplateFile,
  answers: Record<string, unknown>,
): { name: string; title: string; page: string }[] {
  const model = new Model(template.survey);
  model.data = answers;
  return requiredQuestions(model)
    .filter((q) => q.isEmpty())
    .map((q) => ({
      name: q.name,
      title: q.processedTitle || q.title || q.name,
      page: (q.page as { title?: string } | undefined)?.title || q.page?.name || "",
    }));
}

/** Share of visible questions answered, 0..100, for progress on dashboards. */
export function answeredPercent(template: TemplateFile, answers: Record<string, unknown>): number {
  const model = new Model(template.survey);
  model.data = answers;
  const visible = model.getAllQuestions(true).filter((q) => q.isVisible && q.getType() !== "html" && !q.parentQuestion);
  if (visible.length === 0) return 0;
  const answered = visible.filter((q) => !q.isEmpty()).length;
  return Math.round((100 * answered) / visible.length);
}
