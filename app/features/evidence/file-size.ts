import type { MessageId } from "#app/i18n/catalogue";
import type { MessageValues } from "#app/i18n/translate";

/** A translator: the page's `useT()` or the server's `t` / `tIn`. */
type Say = (id: MessageId, values?: MessageValues) => string;

/** A file size as people read it, in their language: "812 bytes", "14.2 KB", "3.1 MB". */
export function formatBytes(n: number, say: Say): string {
  if (n >= 1024 * 1024) return say("evidence.size.mb", { n: +(n / 1024 / 1024).toFixed(1) });
  if (n >= 1024) return say("evidence.size.kb", { n: +(n / 1024).toFixed(1) });
  return say("evidence.size.bytes", { n });
}
