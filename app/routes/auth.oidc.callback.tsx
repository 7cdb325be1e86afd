import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BrandedCard } from "#app/components/branded-card";
import { createUserSession, ROLE_HOME } from "#app/features/accounts/auth.server";
import { clearStateCookie, finishSsoSignIn, SsoFailure } from "#app/features/sso/sign-in.server";
import { orUnavailable } from "#app/lib/db.server";
import { safeRedirect } from "#app/lib/http.server";
import { t as tRequest } from "#app/i18n/messages.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "sso.error.title") }];

/** Where the identity provider sends the browser back: signs in, or says clearly why not. */
export async function loader({ request }: LoaderFunctionArgs) {
  let result;
  try {
    result = await orUnavailable(finishSsoSignIn(request));
  } catch (error) {
    if (!(error instanceof SsoFailure)) throw error;
    return data(
      { message: tRequest(error.messageId) },
      { status: error.status, headers: { "Set-Cookie": await clearStateCookie(), "Cache-Control": "no-store" } },
    );
  }
  const home = ROLE_HOME[result.role];
  const target = safeRedirect(result.redirectTo, home);
  const redirectTo = target === "/" || !target.startsWith(home) ? home : target;
  const response = await createUserSession(request, result.userId, redirectTo);
  response.headers.append("Set-Cookie", await clearStateCookie());
  return response;
}

export default function SsoCallbackPage() {
  const { message } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <BrandedCard>
      <h1>{t("sso.error.title")}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/login">{t("sso.error.back")}</Link>
      </p>
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
