import { Form, useLocation, useSubmit } from "@remix-run/react";
import { useId } from "react";
import { LOCALES, LOCALE_NAMES } from "#app/i18n/locales";
import { useLanguageData, useT } from "#app/i18n/react";

/**
 * The language menu (the sidebar, and the top of the pages before sign-in).
 * Each language is named in itself. Choosing one submits at once; without
 * JavaScript the button does.
 */
export function LanguageMenu() {
  const t = useT();
  const id = useId();
  const submit = useSubmit();
  const { locale, chosen, browser } = useLanguageData();
  const { pathname, search } = useLocation();
  return (
    <Form method="post" action="/language" className="language-menu" onChange={(e) => submit(e.currentTarget)}>
      <input type="hidden" name="redirectTo" value={pathname + search} />
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} name="language" defaultValue={chosen ? locale : "browser"} key={`${locale}-${chosen}`}>
        <option value="browser">{t("language.browser", { name: LOCALE_NAMES[browser] })}</option>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("language.apply")}</button>
      </noscript>
    </Form>
  );
}
