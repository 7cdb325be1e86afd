import { data, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/features/accounts/auth.server";
import { addFromDialog, formFields } from "#app/features/directory/inline-add.server";
import { isRefusal, sayErrors } from "#app/lib/refusal.server";

/**
 * The dialogs that add a supplier or a disclosing party without leaving the
 * page (the agreement form, "Send a questionnaire") post here through a
 * fetcher: the answer is the organisation added or picked, or what is wrong.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  try {
    const outcome = await addFromDialog(user, await formFields(request), request);
    return outcome.ok ? outcome : data(outcome, { status: 409 });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return data({ ok: false as const, errors: sayErrors(error.errors) }, { status: error.status });
  }
}
