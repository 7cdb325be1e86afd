import { createCookie } from "@remix-run/node";
import { isLocale, negotiateLocale, type Locale } from "#app/i18n/locales";
import { forgetAccount, getUser } from "#app/features/accounts/auth.server";
import { User } from "#models/user.server";

/**
 * The language a visitor chose before signing in (the login page's menu).
 * Signed-in users keep theirs on the account, which follows them to every
 * device; the cookie only speaks for a browser nobody is signed in on.
 */
const languageCookie = createCookie("flowdown_lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * The portal's language for a request: the signed-in user's choice, else the
 * visitor's, else the best match for the browser's Accept-Language. Looking
 * the user up must not cost a page its language: should it fail (the
 * database away), the page is said in the browser's language and the
 * loader's own look-up reports the fault.
 */
export async function requestLocale(request: Request): Promise<Locale> {
  return (await requestLanguage(request)).locale;
}

/** The request's language, whether someone chose it, and what the browser alone would get (the menu's "as my browser"). */
export async function requestLanguage(request: Request): Promise<{ locale: Locale; chosen: boolean; browser: Locale }> {
  const browser = negotiateLocale(request.headers.get("Accept-Language"));
  const user = await getUser(request).catch(() => null);
  if (user?.language) return { locale: user.language, chosen: true, browser };
  if (user) return { locale: browser, chosen: false, browser };
  const chosen: unknown = await languageCookie.parse(request.headers.get("Cookie")).catch(() => null);
  if (isLocale(chosen)) return { locale: chosen, chosen: true, browser };
  return { locale: browser, chosen: false, browser };
}

/** Remembers a visitor's choice in their browser (null forgets it): the Set-Cookie header's value. */
export function rememberVisitorLocale(locale: Locale | null): Promise<string> {
  return locale ? languageCookie.serialize(locale) : languageCookie.serialize("", { maxAge: 0 });
}

/**
 * Keeps a user's portal language on their account. Their questionnaires
 * follow it: a language chosen inside one earlier no longer overrides it.
 */
export async function saveUserLocale(userId: string, locale: Locale | null): Promise<void> {
  await User.updateOne({ _id: userId }, { $set: { language: locale, questionnaireLanguage: null } });
  forgetAccount(userId);
}

/**
 * The language to write to someone in (e-mails): the one on their account,
 * else, for an address with no account yet (an invitation), the language of
 * the person who is writing.
 */
export async function localeOfRecipient(email: string, fallback: Locale): Promise<Locale> {
  const user = await User.findOne({ email: email.trim().toLowerCase() }, { language: 1 }).lean();
  return isLocale(user?.language) ? user.language : fallback;
}
