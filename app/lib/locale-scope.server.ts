import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The language of the request being served, for server code that speaks to
 * the person who asked (refusals, field errors, flash messages) without a
 * parameter threaded through every call. server.ts resolves it once per
 * loader and action (secureRoutes); outside a request there is none.
 */
const storage = new AsyncLocalStorage<string>();

export function runInLocale<T>(locale: string, fn: () => T): T {
  return storage.run(locale, fn);
}

export function scopedLocale(): string | undefined {
  return storage.getStore();
}
