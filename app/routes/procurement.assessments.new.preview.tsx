import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { PreviewSchema, sendPreview } from "#app/features/assessments/send-form.server";
import { fieldErrors } from "#app/lib/forms.server";
import { t } from "#app/i18n/messages.server";

/** What a questionnaire sent under an agreement would ask: the send form loads it as procurement chooses. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const parsed = PreviewSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return data({ preview: null, errors: fieldErrors(parsed.error) }, { status: 400 });
  const preview = await sendPreview(user, parsed.data);
  // answered, not thrown: the send form loads this in the background and shows the message itself
  if (!preview)
    return data({ preview: null, errors: { agreementId: [t("assessments.send.choosePreview")] } }, { status: 404 });
  return { preview, errors: null };
}
