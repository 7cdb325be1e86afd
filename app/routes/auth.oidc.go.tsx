import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { BrandedCard } from "#app/components/branded-card";
import { pendingSsoRedirect } from "#app/features/sso/sign-in.server";
import { orUnavailable } from "#app/lib/db.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => [
  { title: pageTitle(matches, "sso.go.title") },
  // without JavaScript the browser moves on by itself: a refresh is a navigation, not the form's redirect
  ...(page ? [{ httpEquiv: "refresh", content: `0;url=${page.url}` }] : []),
];

/** The hop from the login form to the organisation's identity provider. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = await orUnavailable(pendingSsoRedirect(request));
  if (!url) return redirect("/login");
  return data({ url }, { headers: { "Cache-Control": "no-store" } });
}

export default function SsoHopPage() {
  const { url } = useLoaderData<typeof loader>();
  const t = useT();
  useEffect(() => window.location.replace(url), [url]);
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
