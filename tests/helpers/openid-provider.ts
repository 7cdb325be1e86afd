import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A test client of the provider: the portal, as a team administrator registers it. */
export interface TestClient {
  id: string;
  secret: string;
  redirectUri: string;
}

export interface TestProvider {
  issuer: string;
  provider: Provider;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, with its development sign-in pages)
 * on a free loopback port: authorization code with PKCE required, and the
 * claims `claimsOf` gives for an account id (undefined: no such account).
 */
export async function startTestProvider(
  client: TestClient,
  claimsOf: (accountId: string) => Record<string, unknown> | undefined,
): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [client.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const claims = claimsOf(id);
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  // composed at the first request, so middleware a test adds with provider.use() takes part
  let handle: ReturnType<Provider["callback"]> | null = null;
  server.on("request", (req, res) => void (handle ??= provider.callback())(req, res));
  return { issuer, provider, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
