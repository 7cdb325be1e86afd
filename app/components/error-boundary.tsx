import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: "That request could not be used",
    text: "Something in it was not valid. Go back and check what you entered.",
  },
  403: { title: "Not available to you", text: "Your role does not give access to this page." },
  404: { title: "Not found", text: "There is nothing here, or it is not shared with your organisation." },
  503: {
    title: "Temporarily unavailable",
    text: "The portal cannot reach its database right now. Your saved work is safe; try again in a moment.",
  },
};

/**
 * The one error boundary every route exports. It shows a message per status
 * and never internals: no stack traces, no server error text.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = MESSAGES[status];
  // messages we throw ourselves are for people; the router's own ("Error: No route matches…") are not
  const detail =
    isRouteErrorResponse(error) && status < 500 && typeof error.data === "string" && !error.data.startsWith("Error:")
      ? error.data
      : null;
  const title = known?.title ?? "Something went wrong";
  const text = known?.text ?? "The portal could not complete this request. It has been logged; please try again.";
  return (
    <div className="error-page" role="alert">
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{detail && detail !== title ? detail : text}</p>
      <p>
        <Link to="/">Go to your dashboard</Link>
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
