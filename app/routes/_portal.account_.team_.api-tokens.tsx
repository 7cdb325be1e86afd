import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireTeamAdmin } from "#app/features/accounts/auth.server";
import { createApiToken, revokeApiToken, TokenActionSchema, tokenPage } from "#app/features/api/tokens.server";
import { TokenSection, type TokenActionData } from "#app/features/api/token-view";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "api.tokens.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireTeamAdmin(request);
  return tokenPage(admin);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireTeamAdmin(request);
  const form = Object.fromEntries(await request.formData());
  const values = {
    intent: String(form.intent ?? ""),
    name: String(form.name ?? ""),
    scope: String(form.scope ?? ""),
    expiresInDays: String(form.expiresInDays ?? ""),
  };
  const parsed = TokenActionSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const ctx = { ip: clientIp(request) || null };
  try {
    switch (parsed.data.intent) {
      case "create": {
        const { intent: _intent, ...input } = parsed.data;
        const created = await createApiToken(admin, input, ctx);
        // shown on this answer only: a redirect would carry the secret in a URL or a session
        return data(
          {
            created: {
              token: created.token,
              name: input.name,
              prefix: created.prefix,
              expiresAt: created.expiresAt.toISOString(),
            },
          },
          { headers: { "Cache-Control": "no-store" } },
        );
      }
      case "revoke":
        await revokeApiToken(admin, parsed.data.prefix, ctx);
        return redirect("/account/team/api-tokens?done=revoked");
    }
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

export default function ApiTokensPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as TokenActionData | undefined;
  const [params] = useSearchParams();
  const t = useT();
  return (
    <>
      {params.get("done") === "revoked" ? <p className="flash">{t("api.tokens.done.revoked")}</p> : null}
      <p>
        <Link to="/account/team">{t("api.tokens.back")}</Link>
      </p>
      <h1>{t("api.tokens.title")}</h1>
      <p className="muted">{t("api.tokens.intro", { organisation: page.organisation })}</p>
      <TokenSection page={page} actionData={actionData} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
