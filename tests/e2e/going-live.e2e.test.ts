import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runNpmScript } from "#tests/helpers/npm-script";
import { emptyPortalInBrowser, SCREENSHOT_DIR } from "./harness";

/**
 * The README's "Going live", in the browser, from an empty database with
 * demo data off, using nothing but the portal and the documented command:
 * the first administrator, a recipient and its procurement lead, suppliers
 * and a disclosing party, an agreement, a tier-1 supplier that declares its
 * own subcontractor, and the disclosing party seeing the two-tier chain.
 */
const portal = emptyPortalInBrowser();

const REF = "TTA-LIVE-1";

/** The link of the newest message to `to` matching `pattern`, on this portal's address. */
async function linkMailedTo(to: string, pattern: RegExp): Promise<string> {
  const mail = await portal.smtp.waitForMessage((m) => m.envelopeTo.includes(to) && pattern.test(m.text));
  const path = pattern.exec(mail.text)![0];
  return `${portal.app.baseUrl}${path}`;
}

/** Sets up an account from a set-password page, as the person it was sent to. */
async function setUpAccount(page: Page, link: string, name: string, password: string) {
  await page.goto(link);
  await page.getByRole("heading", { name: "Set up your account" }).waitFor();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: /Create (my )?account/ }).click();
}

async function newPage(): Promise<Page> {
  const context = await portal.browser.newContext();
  return context.newPage();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `going-live-${name}.png`), fullPage: true });
}

/** SurveyJS marks each question's container with its name. */
function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`).first();
}

/** What the supplier answers, by question name: whichever of these its tailored questionnaire asks. */
const ANSWERS: Record<string, (page: Page) => Promise<void>> = {
  orgLegalName: (p) => typeInto(p, "orgLegalName", "Nordhavn Cloud ApS"),
  securityContactName: (p) => typeInto(p, "securityContactName", "Freja Holm, CISO"),
  securityContactEmail: (p) => typeInto(p, "securityContactEmail", "security@nordhavn.example"),
  confUndertaking: (p) => yes(p, "confUndertaking"),
  needToKnow: (p) => yes(p, "needToKnow"),
  staffNda: (p) => yes(p, "staffNda"),
  trainingIntervalMonths: (p) => typeInto(p, "trainingIntervalMonths", "12"),
  mfaScope: async (p) => {
    for (const text of [
      "All remote access (VPN, remote desktop, zero-trust gateway)",
      "Every system that stores or processes the Confidential Information",
      "All privileged and administrator accounts",
      "E-mail and collaboration tools",
    ])
      await question(p, "mfaScope").getByText(text, { exact: true }).click();
  },
  tlsMinimum: (p) => question(p, "tlsMinimum").getByText("TLS 1.3", { exact: true }).click(),
  encryptionAtRest: (p) => yes(p, "encryptionAtRest"),
  vulnScanning: (p) => yes(p, "vulnScanning"),
  scanIntervalDays: (p) => typeInto(p, "scanIntervalDays", "7"),
  breachNotifyHours: (p) => typeInto(p, "breachNotifyHours", "12"),
  securityContact24x7: (p) => yes(p, "securityContact24x7"),
  dataLocations: async (p) => {
    const location = question(p, "dataLocations");
    await location.locator('.sd-question[data-name="country"] .sd-dropdown').first().click();
    await p.keyboard.type("Denm");
    await p.getByRole("option", { name: "Denmark" }).click();
    await location.locator('.sd-question[data-name="purpose"] .sd-dropdown').first().click();
    await p.getByRole("option", { name: "Primary storage" }).click();
  },
  destroyWithinDays: (p) => typeInto(p, "destroyWithinDays", "14"),
  destructionCertificate: (p) => yes(p, "destructionCertificate"),
  subFlowdownStatus: (p) =>
    question(p, "subFlowdownStatus")
      .getByText("Yes, every sub-processor is bound by equivalent flow-down terms", { exact: true })
      .first()
      .click(),
  compelledNotice: (p) => yes(p, "compelledNotice"),
};

async function typeInto(page: Page, name: string, value: string) {
  const input = question(page, name).locator("input, textarea").first();
  await input.fill(value);
  await input.blur();
}

async function yes(page: Page, name: string) {
  await question(page, name).getByText("Yes", { exact: true }).click();
}

/** Answers every question it knows on each page of the questionnaire, then submits it. */
async function answerAndSubmit(page: Page) {
  await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
  for (let pageNo = 0; pageNo < 12; pageNo++) {
    for (const [name, answer] of Object.entries(ANSWERS)) {
      if (await question(page, name).isVisible()) await answer(page);
    }
    await page.locator("[data-testid='save-state'][data-state='saved']").waitFor({ timeout: 15_000 });
    const submit = page.getByRole("button", { name: "Submit questionnaire" });
    if (await submit.isVisible()) {
      await submit.click();
      await page.getByText("This questionnaire has been submitted").waitFor({ timeout: 20_000 });
      return;
    }
    // answer the next page only once it is on screen (a question not yet rendered would be skipped)
    const title = await page.locator(".sd-page__title").first().innerText();
    await page.getByRole("button", { name: "Next" }).click();
    await page.waitForFunction((before) => document.querySelector(".sd-page__title")?.textContent !== before, title);
  }
  throw new Error("The questionnaire has more pages than expected");
}

describe("going live from an empty database", () => {
  it("reaches a disclosing party who sees a two-tier chain, through the portal and the documented command alone", async () => {
    // 1. the empty portal says what to run
    expect(portal.app.output()).toContain("npm run admin:create -- --email");
    const admin = await newPage();
    await admin.goto(`${portal.app.baseUrl}/login`);
    await admin.getByText("This portal has no administrator yet.").waitFor();

    // 2. the first administrator, from the command's one-time link
    const run = await runNpmScript(
      "admin:create",
      ["--email", "ops@flowdown.example", "--name", "Olu Operator"],
      portal.app.mongoUri,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toMatch(/password:/i);
    const welcome = /\/welcome\/[A-Za-z0-9_-]{43}/.exec(run.output)![0];
    await setUpAccount(admin, `${portal.app.baseUrl}${welcome}`, "Olu Operator", "operator passphrase 2026");
    await admin.waitForURL(/\/admin\?notice=welcome$/);

    // 3. a recipient organisation and its procurement lead
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisations" }).click();
    await admin.getByRole("link", { name: "New organisation" }).click();
    await admin.getByRole("heading", { level: 1, name: "New organisation" }).waitFor();
    await admin.getByLabel("Kind").selectOption({ label: "Recipient" });
    await admin.getByLabel("Name", { exact: true }).fill("Aurora Photonics Integration");
    await admin.getByLabel("Country").selectOption("SE");
    await admin.getByRole("button", { name: "Create organisation" }).click();
    await admin.getByText("Organisation created. Invite its people below.").waitFor();
    await admin.getByLabel("E-mail").fill("lena.procure@aurora.example");
    await admin.getByLabel("Name (optional)", { exact: true }).fill("Lena Lind");
    await admin.getByLabel(/Team administrator/).check();
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText("Invitation sent.").waitFor();
    await shot(admin, "admin");

    // 4. procurement signs up from the e-mail
    const procurement = await newPage();
    await setUpAccount(
      procurement,
      await linkMailedTo("lena.procure@aurora.example", /\/welcome\/[A-Za-z0-9_-]{43}/),
      "Lena Lind",
      "procurement passphrase 2026",
    );
    await procurement.waitForURL(/\/procurement\?notice=welcome$/);

    // 5. two suppliers and a disclosing party in procurement's directory
    for (const s of [
      { name: "Nordhavn Cloud ApS", country: "DK", email: "security@nordhavn.example", service: "Cloud hosting" },
      { name: "Vasa Test Lab AB", country: "SE", email: "infosec@vasa.example", service: "Hardware testing" },
    ]) {
      await procurement.goto(`${portal.app.baseUrl}/procurement/suppliers`);
      await procurement.getByRole("link", { name: "Add a supplier" }).click();
      await procurement.getByLabel("Name", { exact: true }).fill(s.name);
      await procurement.getByLabel("Country", { exact: true }).selectOption(s.country);
      await procurement.getByLabel("Primary contact e-mail", { exact: true }).fill(s.email);
      await procurement.getByLabel("Service", { exact: true }).fill(s.service);
      await procurement.getByRole("button", { name: "Add supplier" }).click();
      await procurement.getByTestId("suppliers").getByText(s.name).waitFor();
    }
    await procurement.goto(`${portal.app.baseUrl}/procurement/disclosing-parties`);
    await procurement.getByRole("link", { name: "Add a disclosing party" }).click();
    await procurement.getByLabel("Name", { exact: true }).fill("Boreal Robotics Oy");
    await procurement.getByLabel("Country", { exact: true }).selectOption("FI");
    await procurement.getByRole("button", { name: "Add disclosing party" }).click();
    await procurement.getByText("Boreal Robotics Oy").first().waitFor();

    // 6. the agreement, with Nordhavn at tier 1
    await procurement.goto(`${portal.app.baseUrl}/procurement/agreements/new`);
    await procurement.getByRole("heading", { name: "New agreement" }).waitFor();
    await procurement.getByLabel("Reference", { exact: true }).fill(REF);
    await procurement.getByLabel("Title", { exact: true }).fill("Optical sensor firmware transfer");
    await procurement.getByLabel("Disclosing party", { exact: true }).selectOption({ label: "Boreal Robotics Oy" });
    await procurement.getByLabel("Governing law", { exact: true }).fill("Swedish law");
    await procurement.getByLabel("Effective date", { exact: true }).fill("2026-02-01");
    await procurement.getByLabel("End of term", { exact: true }).fill("2028-01-31");
    await procurement.getByLabel("Permitted jurisdictions", { exact: true }).fill("SE, DK, FI, DE");
    await procurement.locator("[name='chain.0.supplierOrgId']").selectOption({ label: "Nordhavn Cloud ApS" });
    await procurement.getByRole("button", { name: "Create agreement" }).click();
    await procurement.waitForURL(/\/procurement\/agreements\/[0-9a-f]{24}/);
    const agreementUrl = procurement.url().split("?")[0];

    // 7. the disclosing party's contact is invited to the agreement
    const contacts = procurement.getByTestId("discloser-contacts");
    await contacts.getByLabel("E-mail", { exact: true }).fill("kaisa@boreal.example");
    await contacts.getByLabel("Name", { exact: true }).fill("Kaisa Virtanen");
    await contacts.getByRole("button", { name: "Invite", exact: true }).click();
    await procurement.getByText("Invitation sent to kaisa@boreal.example.").waitFor();

    // 8. the questionnaire goes to the tier-1 supplier's contact
    await procurement.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    await procurement
      .getByLabel("Agreement", { exact: true })
      .selectOption({ label: `${REF}: Optical sensor firmware transfer` });
    await procurement.getByLabel("Supplier in its chain").selectOption({ label: "Nordhavn Cloud ApS (tier 1)" });
    await procurement.getByLabel("Questionnaire").selectOption("short-low-risk");
    await procurement.getByLabel("Recipients' e-mail addresses").fill("security@nordhavn.example");
    await procurement.getByRole("button", { name: "Send questionnaire" }).click();
    await procurement.waitForURL(/\/procurement\/assessments\/[0-9a-f]{24}\?sent=1$/);

    // 9. the tier-1 supplier signs up from its e-mail, declares its subcontractor, answers and submits
    const supplier = await newPage();
    await setUpAccount(
      supplier,
      await linkMailedTo("security@nordhavn.example", /\/invite\/[A-Za-z0-9_-]{43}/),
      "Freja Holm",
      "supplier passphrase 2026",
    );
    await supplier.waitForURL(/\/supplier\/assessments\/[0-9a-f]{24}$/);
    const questionnaireUrl = supplier.url();
    await supplier.goto(`${portal.app.baseUrl}/supplier`);
    await supplier.getByRole("link", { name: `Subcontractors for ${REF}` }).click();
    await supplier.getByLabel("Company name").fill("Tromsø Backup AS");
    await supplier.getByLabel("Country").selectOption({ label: "Norway" });
    await supplier.getByLabel("Service it provides to you").fill("Offsite backups");
    await supplier.getByLabel("Contact e-mail").fill("backup@tromso.example");
    await supplier.getByRole("button", { name: "Declare the subcontractor" }).click();
    await supplier.getByText("Subcontractor declared.").waitFor();
    await supplier.goto(questionnaireUrl);
    await answerAndSubmit(supplier);
    await shot(supplier, "supplier-submitted");

    // 10. procurement accepts the tier-2 link and sends it a questionnaire
    await procurement.goto(agreementUrl);
    const proposed = procurement.getByTestId("proposed-subcontractors");
    await proposed.getByText("proposed by Nordhavn Cloud ApS, awaiting procurement").waitFor();
    await proposed.getByRole("button", { name: "Accept as tier 2" }).click();
    await procurement.getByText("Tromsø Backup AS is now a tier-2 link of the chain").waitFor();
    await procurement.getByRole("link", { name: "Send a questionnaire" }).first().click();
    await procurement.getByRole("heading", { name: "Send a questionnaire" }).waitFor();
    await expect(procurement.getByLabel("Recipients' e-mail addresses").inputValue()).resolves.toBe(
      "backup@tromso.example",
    );
    await procurement.getByLabel("Questionnaire").selectOption("short-low-risk");
    await procurement.getByRole("button", { name: "Send questionnaire" }).click();
    await procurement.waitForURL(/\/procurement\/assessments\/[0-9a-f]{24}\?sent=1$/);
    await linkMailedTo("backup@tromso.example", /\/invite\/[A-Za-z0-9_-]{43}/);

    // 11. the disclosing party's contact signs up and sees both suppliers in the chain
    const discloser = await newPage();
    await setUpAccount(
      discloser,
      await linkMailedTo("kaisa@boreal.example", /\/welcome\/[A-Za-z0-9_-]{43}/),
      "Kaisa Virtanen",
      "discloser passphrase 2026",
    );
    await discloser.waitForURL(/\/discloser\/agreements\/[0-9a-f]{24}/);
    await discloser
      .getByRole("navigation", { name: "Agreement sections" })
      .getByRole("link", { name: "Subcontractor chain" })
      .click();
    const tree = discloser.getByTestId("compliance-chain");
    await tree.waitFor();
    const chain = await tree.innerText();
    expect(chain).toContain("Nordhavn Cloud ApS");
    expect(chain).toContain("Tromsø Backup AS");
    expect(chain).toMatch(/Nordhavn Cloud ApS[\s\S]*Tromsø Backup AS/);
    await shot(discloser, "discloser-chain");
    // the discloser's list names this agreement and nothing else
    await discloser.goto(`${portal.app.baseUrl}/discloser`);
    await discloser.getByText(REF).first().waitFor();
  }, 300_000);
});
