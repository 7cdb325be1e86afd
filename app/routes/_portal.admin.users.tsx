import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireUser } from "#app/features/accounts/auth.server";
import { ROLE_LABEL } from "#models/labels";
import { Organization } from "#models/organization.server";
import { User, type Role } from "#models/user.server";

export const meta: MetaFunction = () => [{ title: "Users · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const [users, orgs] = await Promise.all([
    User.find({}, { email: 1, name: 1, role: 1, orgId: 1, lastLoginAt: 1 }).sort({ email: 1 }).limit(500).lean(),
    Organization.find({}, { name: 1 }).lean(),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  return {
    users: users.map((u) => ({
      id: String(u._id),
      email: u.email,
      name: u.name,
      role: ROLE_LABEL[u.role as Role],
      org: orgName.get(String(u.orgId)) ?? "",
      lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null,
    })),
  };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Users</h1>
      <table className="data">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Organisation</th>
            <th>Last sign-in (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{u.org}</td>
              <td>
                {u.lastLoginAt ? u.lastLoginAt.slice(0, 16).replace("T", " ") : <span className="muted">never</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
