import { PassThrough } from "node:stream";
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "#app/lib/nonce";
import {
  applySecurityHeaders,
  createNonce,
  CROSS_SITE_MESSAGE,
  crossSiteReason,
  documentCsp,
} from "#app/lib/security.server";
import { startServer } from "./startup.server";

const ABORT_DELAY = 5_000;

// The server does not listen until this resolves: indexes exist and the
// database answers before the first request. A failure stops the process
// with a message, not a stack trace.
try {
  await startServer();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  // Remix's hydration scripts are inline: they run because they carry this response's nonce, nothing else inline does
  const nonce = createNonce();
  applySecurityHeaders(responseHeaders, documentCsp(nonce));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [callbackName]: () => {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors are logged on the server only; the page shows the error boundary.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Data requests (client navigations, fetchers) get the same headers as pages.
 * A cross-site fetcher post has already been stopped by the action guard
 * (403; connection.server keeps Remix's own Origin/Host check from answering
 * first with a bare 500): it says so plainly, as text the fetcher can show.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (crossSiteReason(request)) {
    return new Response(CROSS_SITE_MESSAGE, {
      status: 403,
      headers: applySecurityHeaders(
        new Headers({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }),
      ),
    });
  }
  applySecurityHeaders(response.headers);
  return response;
};

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
