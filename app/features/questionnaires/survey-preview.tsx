import { useMemo } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";

/** A SurveyJS questionnaire shown read-only, every page at once, as a respondent would see it. */
export function SurveyPreview({ survey }: { survey: Record<string, unknown> }) {
  const model = useMemo(() => {
    const m = new Model(survey);
    m.mode = "display";
    m.questionsOnPageMode = "singlePage";
    m.showProgressBar = "off";
    return m;
  }, [survey]);
  return <Survey model={model} />;
}
