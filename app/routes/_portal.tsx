import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireUser } from "#app/features/accounts/auth.server";
import { navigationFor } from "#app/features/accounts/navigation";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";
import { LanguageMenu } from "#app/components/language-menu";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name, email: user.email, role: user.role, orgName: user.org.name },
    nav: navigationFor(user.role, user.teamAdmin),
    roleLabel: `labels.role.${user.role}` as const,
  };
}

/** What a redirect into the portal may announce (`?notice=`): fixed texts, never one taken from the URL. */
const NOTICES: Record<string, MessageId> = {
  welcome: "common.notice.welcome",
  "password-reset": "common.notice.password-reset",
};

/**
 * The navigation's menu on a narrow screen (CSS shows the button and hides
 * the closed menu up to 50rem; on a wider one both are moot): it closes on
 * Escape, giving the focus back to its button, and after each navigation.
 */
function usePhoneMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => setOpen(false), [pathname, search]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  };
  return { open, setOpen, buttonRef, onKeyDown };
}

function PortalFrame({ children }: { children: React.ReactNode }) {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const key = params.get("notice") ?? "";
  const notice = Object.hasOwn(NOTICES, key) ? NOTICES[key] : null;
  const menu = usePhoneMenu();
  const t = useT();
  return (
    <div className="portal">
      {/* without JavaScript the menu button cannot work: the navigation stays open */}
      <noscript>
        <style>{".portal-menu-button { display: none !important } .portal-menu { display: flex !important }"}</style>
      </noscript>
      <aside className="sidebar" onKeyDown={menu.onKeyDown}>
        <div className="brand">
          {t("common.brand")}
          <small>{t(data.roleLabel)}</small>
        </div>
        <button
          type="button"
          className="portal-menu-button"
          ref={menu.buttonRef}
          aria-expanded={menu.open}
          aria-controls="portal-menu"
          onClick={() => menu.setOpen(!menu.open)}
        >
          <span aria-hidden="true" className="portal-menu-icon" />
          {t("common.menu")}
        </button>
        <div id="portal-menu" className="portal-menu" data-open={menu.open}>
          {/* a tap on the page already shown changes no address: close on the tap itself */}
          {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
          <nav
            aria-label={t("common.mainNavigation")}
            onClick={(e) => (e.target as Element).closest("a") && menu.setOpen(false)}
          >
            <ul>
              {data.nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to.split("/").length === 2}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <strong>{data.user.name}</strong>
            <span>{data.user.orgName}</span>
            <LanguageMenu />
            <Form method="post" action="/logout">
              <button type="submit">{t("common.signOut")}</button>
            </Form>
          </div>
        </div>
      </aside>
      <main className="content">
        {notice ? (
          <p className="flash" role="status">
            {t(notice)}
          </p>
        ) : null}
        {children}
      </main>
    </div>
  );
}

export default function Portal() {
  return (
    <PortalFrame>
      <Outlet />
    </PortalFrame>
  );
}

export { PortalErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
