import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ReactNode } from "react";
import appStyles from "./styles/app.css";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "#app/lib/nonce";
import { currentLocale, messagesFor } from "#app/i18n/messages.server";
import { textDirection } from "#app/i18n/locales";
import { LanguageProvider, useLanguageData, type LanguageData } from "#app/i18n/react";

export const links: LinksFunction = () => [
  // public/favicon.ico, served by remix-serve as a static file: browsers ask for it on every page
  { rel: "icon", href: "/favicon.ico", sizes: "16x16 32x32" },
  { rel: "stylesheet", href: appStyles },
];

/** The language of the request (server.ts resolves it: the account's, the visitor's, the browser's) and its messages. */
export function loader(): LanguageData {
  const locale = currentLocale();
  return { locale, messages: messagesFor(locale) };
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
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LanguageProvider>{children}</LanguageProvider>
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
