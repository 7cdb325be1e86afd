import { data } from "@remix-run/node";
import { say } from "#app/i18n/messages.server";
import { isRefusal, type Said } from "#models/refusal";

export { isRefusal } from "#models/refusal";

/** A refusal's errors said in the language of the request being served. */
export function sayErrors(errors: Record<string, Said[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list.map((m) => say(m))]));
}

/**
 * In an action's catch: a Refusal becomes its 400 (errors beside the fields,
 * plus whatever the page needs to show them, such as the values typed);
 * anything else is rethrown for the error boundary and the log.
 */
export function refusalResponse<T extends Record<string, unknown>>(error: unknown, extra: T = {} as T) {
  if (!isRefusal(error)) throw error;
  return data({ ...extra, errors: sayErrors(error.errors) }, { status: error.status });
}
