import { data } from "@remix-run/node";
import { isRefusal } from "#models/refusal";

export { isRefusal } from "#models/refusal";

/**
 * In an action's catch: a Refusal becomes its 400 (errors beside the fields,
 * plus whatever the page needs to show them, such as the values typed);
 * anything else is rethrown for the error boundary and the log.
 */
export function refusalResponse<T extends Record<string, unknown>>(error: unknown, extra: T = {} as T) {
  if (!isRefusal(error)) throw error;
  return data({ ...extra, errors: error.errors }, { status: error.status });
}
