import { data, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { discloserContactAction } from "#app/features/directory/discloser-contacts.server";
import { formFields } from "#app/features/directory/inline-add.server";
import { isRefusal, sayErrors } from "#app/lib/refusal.server";

/**
 * The agreement page's "Disclosing party contacts" section posts here
 * through a fetcher: invite a contact of the disclosing party, resend or
 * revoke an invitation. Only procurement of the agreement's recipient.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  let values: Record<string, string> = {};
  try {
    values = await formFields(request);
    const message = await discloserContactAction(user, params.id, values, request);
    return { ok: true as const, message, errors: {} as Record<string, string[]>, values: {} };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // the e-mail typed stays in the form; nothing else is echoed
    const kept = values.intent === "invite" ? { email: values.email ?? "", name: values.name ?? "" } : {};
    return data(
      { ok: false as const, message: null, errors: sayErrors(error.errors), values: kept },
      { status: error.status },
    );
  }
}
