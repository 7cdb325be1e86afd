import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "#tests/helpers/openid-provider";
import { demoPortalInBrowser, SCREENSHOT_DIR, signIn } from "./harness";

/**
 * A person of an organisation with single sign-on signs in through its
 * provider in the browser: the served portal (as production runs it) and
 * oidc-provider with its development sign-in pages, both on loopback. The
 * team administrator sets it up on /account/team/sso first.
 */
const portal = demoPortalInBrowser();
const DOMAIN = "sso-e2e.example";
const CLIENT = { id: "flowdown-e2e", secret: "e2e-provider-secret" };
let provider: TestProvider;
let issuer: string;

beforeAll(async () => {
  provider = await startTestProvider({ ...CLIENT, redirectUri: `${portal.app.baseUrl}/auth/oidc/callback` }, (id) => ({
    email: `${id}@${DOMAIN}`,
    email_verified: true,
    name: "Nora Lind",
  }));
  issuer = provider.issuer;
});

afterAll(async () => {
  await provider?.stop();
});

describe("single sign-on in the browser", () => {
  it("is set up by the team administrator and signs a new person in through the provider", async () => {
    const admin = await portal.browser.newContext();
    const page = await admin.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(portal.app, "procurement", page);
    const opened = await page.goto(`${portal.app.baseUrl}/account/team/sso`);
    expect(opened?.status()).toBe(200);
    await expect(page.locator(".sso-redirect-uri").textContent()).resolves.toBe(
      `${portal.app.baseUrl}/auth/oidc/callback`,
    );
    await page.getByLabel("Issuer URL").fill(issuer);
    await page.getByLabel("Client ID").fill(CLIENT.id);
    await page.getByLabel("Client secret").fill(CLIENT.secret);
    await page.getByLabel("E-mail domains").fill(DOMAIN);
    await page.getByLabel("Create the account at a person's first sign-in").check();
    await page.getByRole("button", { name: "Check the provider" }).click();
    await page.getByRole("heading", { name: "The provider answered" }).waitFor();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Single sign-on settings saved.").waitFor();
    await expect(page.getByLabel("Client secret").inputValue()).resolves.toBe("");
    await expect(page.content()).resolves.not.toContain(CLIENT.secret);
    expect(errors).toEqual([]);
    await admin.close();

    const context = await portal.browser.newContext();
    const person = await context.newPage();
    await person.goto(`${portal.app.baseUrl}/login`);
    await person.getByLabel("E-mail").fill(`nora@${DOMAIN}`);
    await person.getByRole("button", { name: "Use your organisation's single sign-on" }).click();
    // the provider's own (development) sign-in page, then its consent page
    await person.waitForURL(`${issuer}/**`);
    await person.locator("input[name='login']").fill("nora");
    await person.locator("input[name='password']").fill("anything");
    await person.locator("button[type='submit']").first().click();
    await person.locator("button[type='submit']").first().waitFor();
    if (person.url().startsWith(issuer)) await person.locator("button[type='submit']").first().click();
    await person.waitForURL(`${portal.app.baseUrl}/procurement`);
    await person.getByRole("heading", { level: 1, name: "Procurement dashboard" }).waitFor();
    await expect(person.locator(".who strong").textContent()).resolves.toBe("Nora Lind");
    await person.screenshot({ path: path.join(SCREENSHOT_DIR, "sso-signed-in.png"), fullPage: true });
    await context.close();

    // without JavaScript the button works too: the form may only post to the portal, whose page moves on
    const plain = await portal.browser.newContext({ javaScriptEnabled: false });
    const visitor = await plain.newPage();
    await visitor.goto(`${portal.app.baseUrl}/login`);
    await visitor.getByLabel("E-mail").fill(`nora@${DOMAIN}`);
    await visitor.getByRole("button", { name: "Use your organisation's single sign-on" }).click();
    await visitor.waitForURL(`${issuer}/**`);
    await visitor.locator("input[name='login']").waitFor();
    await plain.close();
  });
});
