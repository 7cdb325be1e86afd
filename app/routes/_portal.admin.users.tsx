import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import { userDirectory } from "#app/features/accounts/administration.server";

export const meta: MetaFunction = () => [{ title: "Users · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { users: await userDirectory() };
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

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
