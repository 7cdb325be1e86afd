/**
 * What loaders and actions give back, read one way: a thrown or returned `Response`
 * (redirects, 404s, files) and Remix `data()` results (a body with a status).
 */

/** The body of a form action's refusal: errors by field ("" for the form), and usually what was typed. */
export interface FormBody {
  errors: Record<string, string[]>;
  values: Record<string, unknown>;
}

/** A `data()` result (or a plain object a loader returned), read as status, headers and body. */
export interface Reply<D> {
  status: number;
  headers: Headers;
  data: D;
}

interface DataWithInit {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

export function isDataResult(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/**
 * Reads what a loader or action returned with Remix `data()`: its status (200 when it set none),
 * headers and body. `Extra` names further body fields a test reads beside `errors` and `values`.
 */
export function replyOf<Extra = unknown>(result: unknown): Reply<FormBody & Extra> {
  if (result instanceof Response) {
    throw new Error(`expected a data() result, got a Response with status ${result.status}`);
  }
  if (isDataResult(result)) {
    return {
      status: result.init?.status ?? 200,
      headers: new Headers(result.init?.headers),
      data: result.data as FormBody & Extra,
    };
  }
  return { status: 200, headers: new Headers(), data: result as FormBody & Extra };
}

/** A `data()` result as a Response, so that thrown data and thrown Responses read alike. */
function asResponse(value: DataWithInit): Response {
  const headers = new Headers(value.init?.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(value.data), { status: value.init?.status ?? 200, headers });
}

/**
 * The Response a loader or action throws (a redirect, a 404, a 403): `run` is the call's promise
 * or a function making the call. A thrown `data()` becomes a JSON Response with its status.
 * Fails when the call finishes without throwing one; anything else thrown propagates.
 */
export async function thrown(run: Promise<unknown> | (() => unknown)): Promise<Response> {
  try {
    await (typeof run === "function" ? run() : run);
  } catch (error) {
    if (error instanceof Response) return error;
    if (isDataResult(error)) return asResponse(error);
    throw error;
  }
  throw new Error("expected a thrown Response");
}

/** The Response a loader or action answers with, whether it returns it or throws it (redirects go either way). */
export async function responseOf(run: Promise<unknown> | (() => unknown)): Promise<Response> {
  let value: unknown;
  try {
    value = await (typeof run === "function" ? run() : run);
  } catch (error) {
    if (error instanceof Response) return error;
    if (isDataResult(error)) return asResponse(error);
    throw error;
  }
  if (value instanceof Response) return value;
  throw new Error(`expected a Response, got ${JSON.stringify(value)}`);
}
