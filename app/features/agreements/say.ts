import type { MessageId } from "#app/i18n/catalogue";
import type { MessageValues } from "#app/i18n/translate";

/**
 * A translator for code shared by the server and the browser: a page passes
 * `useT()`'s `t`, the server `t` from messages.server, a test `tIn(locale, …)`.
 * Every word such code shows comes through it, in the reader's language.
 */
export type Say = (id: MessageId, values?: MessageValues) => string;
