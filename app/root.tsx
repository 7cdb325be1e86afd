import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import appStyles from "./styles/app.css";
import languageStyles from "./styles/language.css";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "#app/lib/nonce";
import { requestLanguage } from "#app/features/accounts/locale.server";
import { currentLocale, pageMessagesFor } from "#app/i18n/messages.server";
import { textDirection } from "#app/i18n/locales";
import { countryChoices } from "#app/features/directory/country-choices.server";
import { LanguageProvider, useLanguageData, type LanguageData } from "#app/i18n/react";
import { LanguageMenu } from "#app/components/language-menu";

export const links: LinksFunction = () => [
  // public/favicon.ico, served by remix-serve as a static file: browsers ask for it on every page
  { rel: "icon", href: "/favicon.ico", sizes: "16x16 32x32" },
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: languageStyles },
];

/** The language of the request (server.ts resolves it: the account's, the visitor's, the browser's) and its messages. */
export async function loader({ request }: LoaderFunctionArgs): Promise<LanguageData> {
  const { chosen, browser } = await requestLanguage(request);
  const locale = currentLocale();
  return { locale, chosen, browser, messages: pageMessagesFor(locale), countries: countryChoices(locale) };
}

/**
 * The messages change only with the language, and the language only where
 * someone signs in or out or chooses one: other navigations and saves (the
 * questionnaire's autosave) do not fetch the catalogue again.
 */
const LANGUAGE_CHANGES = /^\/(login|logout|account|language|welcome\/|invite\/|reset-password\/)/;
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  defaultShouldRevalidate && formAction !== undefined && LANGUAGE_CHANGES.test(formAction);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Flowdown" },
  { name: "description", content: data?.messages["common.metaDescription"] ?? "" },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { locale } = useLanguageData();
  // the portal's pages have the menu in their sidebar; the pages before sign-in get it on top
  const inPortal = useMatches().some((match) => match.id === "routes/_portal");
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LanguageProvider>
          {inPortal ? null : (
            <header className="public-header">
              <LanguageMenu />
            </header>
          )}
          {children}
        </LanguageProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main className="centered">
      <GeneralErrorBoundary />
    </main>
  );
}
