/**
 * Remix hands each loader of a page its own copy of the Request (it strips
 * `?index` and `?_routes` into a new one), so a Request cannot tell that two
 * loaders serve the same page. The load context can: the request handler
 * makes one per HTTP request and gives the same object to every loader.
 * server.ts binds it here (through secureRoutes) before each loader runs;
 * loaders called without it (tests) are their own scope.
 */
const scopes = new WeakMap<Request, object>();

export function bindRequestScope(request: Request, context: unknown): void {
  if (context && typeof context === "object") scopes.set(request, context);
}

/** The object shared by the loaders of one page request (the request itself when none was bound). */
export function requestScope(request: Request): object {
  return scopes.get(request) ?? request;
}
