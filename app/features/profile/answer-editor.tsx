import { Form } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { Model, Serializer, surveyLocalization } from "survey-core";
import "survey-core/i18n/german";
import "survey-core/i18n/japanese";
import "survey-core/i18n/arabic";
import { Survey } from "survey-react-ui";
import { ANSWER_TEXT_MAX } from "#app/features/assessments/answer-limits";
import { useT } from "#app/i18n/react";

if (!Serializer.findProperty("question", "flowdown"))
  Serializer.addProperty("question", { name: "flowdown:object", visible: false });
for (const code of ["", "en", "de", "ja"]) surveyLocalization.localeDirections[code] ??= "ltr";

/**
 * One kept answer's question as a SurveyJS survey, pre-filled with `value`,
 * inside a plain form: the survey's value travels as JSON in a hidden field,
 * with the revision the editor started from.
 */
export function AnswerEditor({
  survey,
  name,
  value,
  revision,
  language,
  busy,
}: {
  survey: Record<string, unknown>;
  name: string;
  value: unknown;
  revision: number;
  language: string;
  busy: boolean;
}) {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [json, setJson] = useState(() => JSON.stringify(value ?? null));
  const model = useMemo(() => {
    const m = new Model(survey);
    m.locale = language === "en" ? "" : language;
    m.data = value === undefined || value === null ? {} : { [name]: value };
    m.showNavigationButtons = false;
    m.showCompletedPage = false;
    m.maxTextLength = ANSWER_TEXT_MAX;
    m.maxCommentLength = ANSWER_TEXT_MAX;
    return m;
  }, [survey, name, value, language]);
  useEffect(() => {
    setJson(JSON.stringify(value ?? null));
    const sync = () => setJson(JSON.stringify(model.getValue(name) ?? null));
    model.onValueChanged.add(sync);
    model.onDynamicPanelItemValueChanged.add(sync);
    model.onUploadFiles.add((_s, options) => options.callback([], [t("profile.edit.uploadElsewhere")]));
    return () => {
      model.onValueChanged.remove(sync);
      model.onDynamicPanelItemValueChanged.remove(sync);
    };
  }, [model, name, value, t]);
  return (
    <Form method="post" className="profile-editor" data-ready={ready ? "true" : "false"}>
      {ready ? (
        <Survey model={model} />
      ) : (
        <p className="loading" role="status">
          {t("supplier.questionnaire.loading")}
        </p>
      )}
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="value" value={json} />
      <button type="submit" disabled={busy || !ready}>
        {busy ? t("profile.edit.saving") : t("profile.edit.save")}
      </button>
    </Form>
  );
}
