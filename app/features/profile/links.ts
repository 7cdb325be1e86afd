/** Where the profile page edits an answer (answer ids hold ':'). Shared by the server and the browser. */
export function answerHref(id: string): string {
  return `/supplier/profile/${encodeURIComponent(id)}`;
}

/** The id of an answer's question heading, for the controls beside it to be described by. */
export function questionDomId(id: string): string {
  return `question-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
