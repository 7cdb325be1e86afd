import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireTeamAdmin } from "#app/features/accounts/auth.server";
import {
  createEndpoint,
  deleteEndpoint,
  resendDelivery,
  rotateSecret,
  setEndpointEnabled,
  WebhookActionSchema,
  webhookFormInput,
  webhookPage,
} from "#app/features/webhooks/endpoints.server";
import { WebhookSection, type WebhookActionData } from "#app/features/webhooks/webhooks-view";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "webhooks.title") }];

const PAGE = "/account/team/webhooks";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireTeamAdmin(request);
  const selected = new URL(request.url).searchParams.get("endpoint");
  return webhookPage(admin, selected);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireTeamAdmin(request);
  const input = webhookFormInput(await request.formData());
  const values = {
    intent: String(input.intent ?? ""),
    url: String(input.url ?? ""),
    description: String(input.description ?? ""),
    events: input.events as string[],
  };
  const parsed = WebhookActionSchema.safeParse(input);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const ctx = { ip: clientIp(request) || null };
  const secretAnswer = (s: { secret: string; url: string }, rotated: boolean) =>
    // shown on this answer only: a redirect would carry the secret in a URL or a session
    data({ secret: { value: s.secret, url: s.url, rotated } }, { headers: { "Cache-Control": "no-store" } });
  try {
    const a = parsed.data;
    switch (a.intent) {
      case "create":
        return secretAnswer(await createEndpoint(admin, a, ctx), false);
      case "rotate":
        return secretAnswer(await rotateSecret(admin, a.endpointId, ctx), true);
      case "disable":
      case "enable":
        await setEndpointEnabled(admin, a.endpointId, a.intent === "enable", ctx);
        return redirect(`${PAGE}?done=${a.intent}d`);
      case "delete":
        await deleteEndpoint(admin, a.endpointId, ctx);
        return redirect(`${PAGE}?done=deleted`);
      case "resend":
        await resendDelivery(admin, a, ctx);
        return redirect(`${PAGE}?endpoint=${a.endpointId}&done=resent#log-heading`);
    }
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

const DONE = ["enabled", "disabled", "deleted", "resent"] as const;

export default function WebhooksPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as WebhookActionData | undefined;
  const [params] = useSearchParams();
  const done = DONE.find((d) => d === params.get("done"));
  const t = useT();
  return (
    <>
      {done ? <p className="flash">{t(`webhooks.done.${done}`)}</p> : null}
      <p>
        <Link to="/account/team">{t("webhooks.back")}</Link>
      </p>
      <h1>{t("webhooks.title")}</h1>
      <p className="muted">{t("webhooks.intro", { organisation: page.organisation })}</p>
      <WebhookSection page={page} actionData={actionData} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
