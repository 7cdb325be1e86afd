import { afterEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, sessionCookie } from "#tests/fixtures/factories";
import { outcomeOf } from "#tests/fixtures/routes";

/**
 * The benchmark's floor page: 404 for everybody unless FLOWDOWN_BENCH_FLOOR=1 (set only by
 * bench/dashboard.ts), and then the procurement dashboard's session check before a fixed page.
 */
setupTestDatabase();

const { secureRouteModule } = await import("#app/lib/security.server");
const floor = secureRouteModule(await import("#app/routes/_portal.bench-floor"));

async function load(cookie: string | null, bytes = "100") {
  const request = new Request(`http://localhost/bench-floor?bytes=${bytes}`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  let data: unknown = null;
  const outcome = await outcomeOf(async () => (data = await floor.loader!({ request, params: {}, context: {} })));
  return { outcome, data };
}

afterEach(() => {
  delete process.env.FLOWDOWN_BENCH_FLOOR;
});

describe("the benchmark's floor page", () => {
  it("does not exist unless the benchmark turned it on", async () => {
    const procurement = await sessionCookie(String((await createUser("procurement")).user._id));
    expect((await load(procurement)).outcome).toBe(404);
    process.env.FLOWDOWN_BENCH_FLOOR = "0";
    expect((await load(null)).outcome).toBe(404);
  });

  it("when on, checks the session as the procurement dashboard does, and caps the size", async () => {
    process.env.FLOWDOWN_BENCH_FLOOR = "1";
    const procurement = await sessionCookie(String((await createUser("procurement")).user._id));
    const supplier = await sessionCookie(String((await createUser("supplier")).user._id));
    expect((await load(null)).outcome).toBe("login");
    expect((await load(supplier)).outcome).toBe(403);
    expect(await load(procurement)).toEqual({ outcome: "ok", data: { bytes: 100 } });
    expect((await load(procurement, "1e12")).data).toEqual({ bytes: 4 * 1024 * 1024 });
    expect((await load(procurement, "abc")).data).toEqual({ bytes: 0 });
  });
});
