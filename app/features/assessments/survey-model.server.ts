import { Model, Serializer } from "survey-core";
import type { TemplateFile } from "#questionnaires/types";

// The templates carry Flowdown metadata on questions; registered so SurveyJS keeps it quietly.
if (!Serializer.findProperty("question", "flowdown"))
  Serializer.addProperty("question", { name: "flowdown:object", visible: false });

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
  const missing: { name: string; title: string; page: string }[] = [];
  for (const q of model.getAllQuestions(true)) {
    if (!q.isRequired || !q.isVisible || q.isReadOnly) continue;
    const page = q.page;
    if (page && !page.isVisible) continue;
    if (q.isEmpty())
      missing.push({
        name: q.name,
        title: q.processedTitle || q.title || q.name,
        page: (page as { title?: string } | undefined)?.title || page?.name || "",
      });
  }
  return missing;
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
