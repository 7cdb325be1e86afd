import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import appStyles from "./styles/app.css";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "#app/lib/nonce";

export const links: LinksFunction = () => [
  // public/favicon.ico, served by remix-serve as a static file: browsers ask for it on every page
  { rel: "icon", href: "/favicon.ico", sizes: "16x16 32x32" },
  { rel: "stylesheet", href: appStyles },
];

export const meta: MetaFunction = () => [
  { title: "Flowdown" },
  { name: "description", content: "Supplier risk assessment against flow-down obligations" },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
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
