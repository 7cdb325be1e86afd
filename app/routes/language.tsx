import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getUser } from "#app/features/accounts/auth.server";
import { rememberVisitorLocale, saveUserLocale } from "#app/features/accounts/locale.server";
import { LOCALES } from "#app/i18n/locales";
import { t } from "#app/i18n/messages.server";
import { safeRedirect } from "#app/lib/http.server";

export async function loader() {
  return redirect("/");
}

const LanguageChoice = z
  .object({
    // "browser" = follow the browser's languages again
    language: z.union([z.enum(LOCALES), z.literal("browser")]),
    redirectTo: z.string().min(1).max(2000),
  })
  .strict();

/**
 * The language menu's form: a signed-in user's choice is kept on their
 * account (it follows them to every device, and their questionnaires follow
 * it); a visitor's in their browser until they sign in.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const parsed = LanguageChoice.safeParse(form ? Object.fromEntries(form) : null);
  if (!parsed.success) throw new Response(t("language.unknown"), { status: 400 });
  const { redirectTo } = parsed.data;
  const language = parsed.data.language === "browser" ? "" : parsed.data.language;
  const back = safeRedirect(redirectTo, "/");
  const user = await getUser(request);
  if (user) {
    await saveUserLocale(user.id, language || null);
    return redirect(back);
  }
  return redirect(back, { headers: { "Set-Cookie": await rememberVisitorLocale(language || null) } });
}
