/** The SurveyJS survey every importer produces: the portal's survey settings around the imported pages. */
export function importedSurvey(title: string, pages: Record<string, unknown>[]): Record<string, unknown> {
  return {
    title,
    showQuestionNumbers: "on",
    checkErrorsMode: "onValueChanged",
    textUpdateMode: "onTyping",
    clearInvisibleValues: "onHidden",
    questionErrorLocation: "bottom",
    completeText: "Submit for review",
    pages,
  };
}
