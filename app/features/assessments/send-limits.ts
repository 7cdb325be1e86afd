import { EMAIL_MAX } from "#app/lib/text-limits";

/** Recipients of one questionnaire at most. */
export const RECIPIENTS_MAX = 10;

/**
 * The recipients field: room for the most recipients at the longest
 * addresses with a separator each; the schema refuses longer and the
 * textarea takes it as `maxLength` (safe for the browser bundle).
 */
export const RECIPIENTS_FIELD_MAX = RECIPIENTS_MAX * (EMAIL_MAX + 2);
