import { formRequest, sessionCookie } from "#tests/fixtures/factories";
import { replyOf } from "#tests/helpers/responses";

/**
 * What the API tests share: routes wrapped in the security layer server.ts
 * serves them with, their answers as Responses, and tokens made on the token
 * page as a team administrator makes them.
 */
const { secureRouteModule } = await import("#app/lib/security.server");
const tokenRoute = await import("#app/routes/_portal.account_.team_.api-tokens");
const { User } = await import("#models/user.server");

type RouteModule = Parameters<typeof secureRouteModule>[0];

/** A route module as the served build runs it. */
export const served = async (module: Promise<unknown>) => secureRouteModule((await module) as RouteModule);

/** The Response a loader or action returned or threw. */
export async function respond(run: () => unknown): Promise<Response> {
  try {
    const value = await run();
    if (!(value instanceof Response)) throw new Error("expected a Response");
    return value;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Makes the user a team administrator and creates a token on the token page, as that person would. */
export async function mintToken(
  userId: unknown,
  scope: "read" | "read-write",
  name = "Integration",
): Promise<{ token: string; prefix: string }> {
  await User.updateOne({ _id: String(userId) }, { $set: { teamAdmin: true } });
  const cookie = await sessionCookie(String(userId));
  const reply = replyOf<{ created: { token: string; prefix: string } }>(
    await tokenRoute.action({
      request: formRequest("/account/team/api-tokens", { intent: "create", name, scope, expiresInDays: "30" }, cookie),
      params: {},
      context: {},
    }),
  );
  return reply.data.created;
}
