import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
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
      <ListTable
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: "Name", cell: (u) => u.name },
          { header: "E-mail", cell: (u) => u.email },
          { header: "Role", cell: (u) => u.role },
          { header: "Organisation", cell: (u) => u.org },
          {
            header: "Last sign-in (UTC)",
            cell: (u) =>
              u.lastLoginAt ? u.lastLoginAt.slice(0, 16).replace("T", " ") : <span className="muted">never</span>,
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
