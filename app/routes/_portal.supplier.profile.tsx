import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "#app/components/forms";
import { requireUser } from "#app/features/accounts/auth.server";
import { confirmProfileAnswer, findOwnAnswer, profileView } from "#app/features/profile/profile.server";
import { ProfileSections } from "#app/features/profile/profile-view";
import { answerHref, questionDomId } from "#app/features/profile/links";
import { notFound } from "#app/lib/http.server";
import { formatMoment } from "#app/i18n/format";
import { currentLocale, t as tServer } from "#app/i18n/messages.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "profile.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return { view: await profileView(user.orgId) };
}

const ConfirmSchema = z.object({
  intent: z.literal("confirm"),
  answerId: z.string().min(1).max(400),
  revision: z.coerce.number().int().min(0).max(1_000_000_000),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ errors: { "": [tServer("profile.unknownAction")] } as Record<string, string[]> }, { status: 400 });
  const doc = await findOwnAnswer(user.orgId, parsed.data.answerId);
  if (!doc) notFound();
  const outcome = await confirmProfileAnswer(user, doc, parsed.data.revision, request);
  if (outcome.kind === "stale") {
    const { current } = outcome;
    const message = tServer("profile.stale", {
      name: current.confirmedBy,
      date: formatMoment(currentLocale(), current.confirmedAt),
    });
    return data({ errors: { "": [message] } as Record<string, string[]> }, { status: 409 });
  }
  return redirect(`/supplier/profile?confirmed=1#section-${doc.section}`);
}

export default function SupplierProfilePage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  return (
    <>
      {params.get("confirmed") ? <p className="flash">{t("profile.flash.confirmed")}</p> : null}
      <h1>{t("profile.title")}</h1>
      <p className="muted">{t("profile.intro")}</p>
      <FormError messages={actionData?.errors[""]} />
      {view.total === 0 ? <p className="empty">{t("profile.empty")}</p> : null}
      <ProfileSections
        view={view}
        certificatesHref="/supplier/certifications"
        actions={(answer) => (
          <>
            <Link
              className="button secondary small"
              to={answerHref(answer.id)}
              aria-describedby={questionDomId(answer.id)}
            >
              {t("profile.edit")}
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="answerId" value={answer.id} />
              <input type="hidden" name="revision" value={answer.revision} />
              <button
                type="submit"
                className="secondary small"
                disabled={busy}
                aria-describedby={questionDomId(answer.id)}
              >
                {t("profile.confirm")}
              </button>
            </Form>
          </>
        )}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
