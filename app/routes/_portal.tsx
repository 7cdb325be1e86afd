import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { navigationFor, ROLE_LABEL } from "#app/features/accounts/navigation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name, email: user.email, role: user.role, orgName: user.org.name },
    nav: navigationFor(user.role, user.teamAdmin),
    roleLabel: ROLE_LABEL[user.role],
  };
}

/** What a redirect into the portal may announce (`?notice=`): fixed texts, never one taken from the URL. */
const NOTICES: Record<string, string> = {
  welcome: "Welcome to Flowdown: your account is ready.",
  "password-reset": "Your new password is set. You were signed out everywhere else.",
};

function PortalFrame({ children }: { children: React.ReactNode }) {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const key = params.get("notice") ?? "";
  const notice = Object.hasOwn(NOTICES, key) ? NOTICES[key] : null;
  return (
    <div className="portal">
      <aside className="sidebar">
        <div className="brand">
          Flowdown<small>{data.roleLabel}</small>
        </div>
        <nav aria-label="Main">
          <ul>
            {data.nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to.split("/").length === 2}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <strong>{data.user.name}</strong>
          <span>{data.user.orgName}</span>
          <Form method="post" action="/logout">
            <button type="submit">Sign out</button>
          </Form>
        </div>
      </aside>
      <main className="content">
        {notice ? (
          <p className="flash" role="status">
            {notice}
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
