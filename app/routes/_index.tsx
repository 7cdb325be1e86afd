import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser, ROLE_HOME } from "#app/features/accounts/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return redirect(user ? ROLE_HOME[user.role] : "/login");
}
