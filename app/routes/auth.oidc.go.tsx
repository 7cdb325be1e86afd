import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { BrandedCard } from "#app/components/branded-card";
import { pendingSsoRedirect } from "#app/features/sso/sign-in.server";
import { orUnavailable } from "#app/lib/db.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => [
  { title: pageTitle(matches, page?.url ? "sso.go.title" : "sso.error.title") },
  // without JavaScript the browser moves on by itself: a refresh is a navigation, not the form's redirect
  ...(page?.url ? [{ httpEquiv: "refresh", content: `0;url=${page.url}` }] : []),
];

/** The hop from the login form to the organisation's identity provider. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = await orUnavailable(pendingSsoRedirect(request));
  const headers = { "Cache-Control": "no-store" };
  // no sign-in started in this browser, or one that expired: say so, as the provider's way back does
  return url ? data({ url }, { headers }) : data({ url: null }, { status: 400, headers });
}

export default function SsoHopPage() {
  const { url } = useLoaderData<typeof loader>();
  const t = useT();
  useEffect(() => {
    if (url) window.location.replace(url);
  }, [url]);
  if (!url)
    return (
      <BrandedCard>
        <h1>{t("sso.error.title")}</h1>
        <p role="alert">{t("sso.error.expired")}</p>
        <p>
          <Link to="/login">{t("sso.error.back")}</Link>
        </p>
      </BrandedCard>
    );
  return (
    <BrandedCard>
      <h1>{t("sso.go.title")}</h1>
      <p role="status">{t("sso.go.body")}</p>
      <p>
        <a href={url}>{t("sso.go.link")}</a>
      </p>
    </BrandedCard>
  );
}

export { CenteredErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
