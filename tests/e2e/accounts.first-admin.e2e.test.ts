import path from "node:path";

import { describe, expect, it } from "vitest";
import { runNpmScript } from "#tests/helpers/npm-script";
import { emptyPortalInBrowser, SCREENSHOT_DIR } from "./harness";

/**
 * A deployment without demo data, in the browser: the portal says it has no
 * administrator, the documented command prints a link, the administrator sets
 * their password from it, and later resets it through "Forgot your password?".
 */
const portal = emptyPortalInBrowser();

const PASSWORD = "my own first passphrase";
const NEW_PASSWORD = "a second, reset passphrase";

describe("the first administrator of an empty portal", () => {
  it("is created from the printed link, and resets a forgotten password by e-mail", async () => {
    expect(portal.app.output()).toContain("Flowdown has no administrator yet. Create the first one with:");
    expect(portal.app.output()).toContain('npm run admin:create -- --email you@example.com --name "Your Name"');

    const page = await portal.browser.newPage();
    await page.goto(`${portal.app.baseUrl}/login`);
    await page.getByText("This portal has no administrator yet.").waitFor();
    await expect(page.locator(".notice code").textContent()).resolves.toContain("npm run admin:create");

    const run = await runNpmScript(
      "admin:create",
      ["--email", "root@example.test", "--name", "Ada Root"],
      portal.app.mongoUri,
    );
    expect(run.code, run.output).toBe(0);
    const token = /\/welcome\/([A-Za-z0-9_-]{43})/.exec(run.output)![1];

    await page.goto(`${portal.app.baseUrl}/welcome/${token}`);
    await page.getByRole("heading", { name: "Set up your account" }).waitFor();
    await expect(page.locator("dl.facts").innerText()).resolves.toMatch(/Flowdown Operations[\s\S]*Administrator/);
    await expect(page.getByLabel("Your name").inputValue()).resolves.toBe("Ada Root");
    await page.getByLabel("Choose a password").fill(PASSWORD);
    await page.getByLabel("Repeat the password").fill(`${PASSWORD}?`);
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.getByText("The two passwords differ").waitFor();
    await page.getByLabel("Choose a password").fill(PASSWORD);
    await page.getByLabel("Repeat the password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL(`${portal.app.baseUrl}/admin?notice=welcome`);
    await page.getByText("Welcome to Flowdown: your account is ready.").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "first-admin-welcome.png"), fullPage: true });

    // the link is spent
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await expect(page.getByText("This portal has no administrator yet.").count()).resolves.toBe(0);
    const spent = await page.goto(`${portal.app.baseUrl}/welcome/${token}`);
    expect(spent?.status()).toBe(410);
    await page.getByRole("heading", { name: "This link has already been used" }).waitFor();

    await page.goto(`${portal.app.baseUrl}/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // the sign-in page has an "E-mail" field too: fill the form only once it is on screen
    await page.getByRole("heading", { name: "Forgotten password" }).waitFor();
    await page.getByLabel("E-mail").fill("root@example.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText("If an account exists for that address, we have sent a link").waitFor();
    const mail = await portal.smtp.waitForMessage(
      (m) => m.envelopeTo.includes("root@example.test") && /Reset/.test(m.subject),
    );
    const reset = /https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];

    await page.goto(`${portal.app.baseUrl}/reset-password/${reset}`);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.waitForURL(`${portal.app.baseUrl}/admin?notice=password-reset`);
    await page.getByText("Your new password is set. You were signed out everywhere else.").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel("E-mail").fill("root@example.test");
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${portal.app.baseUrl}/admin`);
    await page.close();
  });
});
