/** Where the profile page edits an answer (answer ids hold ':'). Shared by the server and the browser. */
export function answerHref(id: string): string {
  return `/supplier/profile/${encodeURIComponent(id)}`;
}
