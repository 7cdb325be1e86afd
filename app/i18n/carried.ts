import type { MessageId } from "#app/i18n/catalogue";
import type { MessageValues } from "#app/i18n/translate";

/**
 * A catalogue message carried as a string through code that passes only
 * strings (a zod check's error callback), to be said in the reader's
 * language where it is shown (fieldErrors, say). Safe for the browser bundle.
 */
const MARK = "\u0001msg:";

export function carry(id: MessageId, values: MessageValues = {}): string {
  return `${MARK}${JSON.stringify({ id, values })}`;
}

export function uncarry(text: string): { id: string; values: MessageValues } | null {
  if (!text.startsWith(MARK)) return null;
  try {
    const parsed = JSON.parse(text.slice(MARK.length)) as { id?: unknown; values?: unknown };
    if (typeof parsed.id !== "string") return null;
    return { id: parsed.id, values: (parsed.values ?? {}) as MessageValues };
  } catch {
    return null;
  }
}
