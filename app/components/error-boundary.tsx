import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "#app/i18n/react";

/** The statuses with a message of their own; any other says "Something went wrong". */
const KNOWN = [400, 403, 404, 503] as const;
type KnownStatus = (typeof KNOWN)[number];
const isKnown = (status: number): status is KnownStatus => (KNOWN as readonly number[]).includes(status);

/**
 * The one error boundary every route exports. It shows a message per status
 * and never internals: no stack traces, no server error text.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const t = useT();
  // messages we throw ourselves are for people; the router's own ("Error: No route matches…") are not
  const detail =
    isRouteErrorResponse(error) && status < 500 && typeof error.data === "string" && !error.data.startsWith("Error:")
      ? error.data
      : null;
  const key = isKnown(status) ? status : "other";
  const title = t(`dashboard.components.error.${key}.title`);
  const text = t(`dashboard.components.error.${key}.text`);
  return (
    <div className="error-page" role="alert">
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{detail && detail !== title ? detail : text}</p>
      <p>
        <Link to="/">{t("dashboard.components.error.home")}</Link>
      </p>
    </div>
  );
}

/** The shared boundary inside a page's own <main>, for the routes that draw the page frame themselves. */
function InMain({ className }: { className: string }) {
  return (
    <main className={className}>
      <GeneralErrorBoundary />
    </main>
  );
}

/** The boundary of the pages outside the portal frame (sign-in, invitation, verification). */
export function CenteredErrorBoundary() {
  return <InMain className="centered" />;
}

/** The boundary of the portal frame itself, when its own loader fails. */
export function PortalErrorBoundary() {
  return <InMain className="content" />;
}
