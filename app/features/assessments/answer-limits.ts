/**
 * The longest text answer (a text or comment question): the autosave
 * refuses longer ones and the survey's inputs stop at it (safe for the browser bundle).
 */
export const ANSWER_TEXT_MAX = 10_000;
