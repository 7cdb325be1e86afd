import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { createUser } from "#tests/fixtures/factories";
import { launchBrowser, signIn, SCREENSHOT_DIR, startApp, type RunningApp } from "./harness";

// the test arranges the agreement (with its glossary) and the assessment in the database the app uses
const db = setupTestDatabase();
const { Agreement } = await import("#models/agreement.server");
const { Assessment } = await import("#models/assessment.server");
const { User } = await import("#models/user.server");
const { DEFAULT_GLOSSARY } = await import("#models/glossary");

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ FLOWDOWN_DEMO_DATA: "off", FLOWDOWN_SCHEDULER: "off" }, { mongoUri: db.uri() });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`).first();
}

async function openQuestionnaire(page: Page, id: string) {
  await page.goto(`${app.baseUrl}/supplier/assessments/${id}`);
  await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
}

const JA_CONFIDENTIAL = DEFAULT_GLOSSARY[0].definition.ja!;

describe("a multilingual questionnaire", () => {
  it("switches to Japanese with the agreement's glossary beside the questions, keeps answers as values, and remembers the language", async () => {
    const w = await createAssessmentWorld();
    await Agreement.updateOne({ _id: w.agreement._id }, { $set: { glossary: DEFAULT_GLOSSARY } });
    const id = String(w.assessment._id);

    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await signIn(app, w.supplierUser, page);
    await openQuestionnaire(page, id);

    // an English browser gets English
    await expect(page.getByLabel("Language / Sprache / 言語").inputValue()).resolves.toBe("en");
    await question(page, "orgLegalName").getByText("Legal name of your organisation").waitFor();

    // the supplier switches to Japanese: titles and SurveyJS's own buttons change
    const saved = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes(`/supplier/assessments/${id}`) && r.status() === 200,
    );
    await page.getByLabel("Language / Sprache / 言語").selectOption("ja");
    await saved;
    await question(page, "orgLegalName").getByText("貴社の正式名称").waitFor();
    await expect(question(page, "orgLegalName").textContent()).resolves.not.toContain("Legal name");

    const input = question(page, "orgLegalName").locator("input");
    await input.fill("株式会社テスト");
    await input.blur();
    await page.locator("[data-testid='save-state'][data-state='saved']").waitFor({ timeout: 15_000 });

    await page.getByRole("button", { name: "次へ" }).click();
    const conf = question(page, "confUndertaking");
    await conf.getByText("秘密情報にアクセスし得るすべての者", { exact: false }).waitFor();
    // the defined term is marked in the title and its agreed Japanese definition shown under the question
    await expect(conf.locator("dfn.glossary-term").first().getAttribute("title")).resolves.toBe(JA_CONFIDENTIAL);
    const note = conf.locator("[data-testid='glossary-note']");
    await expect(note.locator("dt").first().textContent()).resolves.toBe("秘密情報");
    await expect(note.locator("dd").first().textContent()).resolves.toBe(JA_CONFIDENTIAL);
    await conf.getByText("はい", { exact: true }).click();
    await page.locator("[data-testid='save-state'][data-state='saved']").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "questionnaire-japanese-glossary.png"), fullPage: true });

    // back in German the same question shows the German term and definition
    await page.getByLabel("Language / Sprache / 言語").selectOption("de");
    await conf.getByText("Ist jede Person, die auf die", { exact: false }).waitFor();
    await expect(conf.locator("[data-testid='glossary-note'] dt").first().textContent()).resolves.toBe(
      "Vertrauliche Informationen",
    );
    await expect(conf.locator("[data-testid='glossary-note'] dd").first().textContent()).resolves.toBe(
      DEFAULT_GLOSSARY[0].definition.de,
    );
    await page.getByLabel("Language / Sprache / 言語").selectOption("ja");
    await conf.getByText("秘密情報にアクセスし得るすべての者", { exact: false }).waitFor();
    await page.waitForLoadState("networkidle");

    // reload: the language and the answers are still there
    await page.reload();
    await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
    await expect(page.getByLabel("Language / Sprache / 言語").inputValue()).resolves.toBe("ja");
    await conf.getByText("秘密情報にアクセスし得るすべての者", { exact: false }).waitFor();
    await expect(conf.locator("[data-testid='glossary-note'] dd").first().textContent()).resolves.toBe(JA_CONFIDENTIAL);
    await expect(conf.locator("input[type='checkbox']").first().isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "前へ" }).click();
    await expect(question(page, "orgLegalName").locator("input").inputValue()).resolves.toBe("株式会社テスト");

    // what was stored is the same answers whatever the language: values, not labels
    const stored = await Assessment.findById(id).lean();
    expect(stored?.answers).toEqual({ orgLegalName: "株式会社テスト", confUndertaking: true });
    const user = await User.findById(w.supplierUser.user._id).lean();
    expect(user?.questionnaireLanguage).toBe("ja");
    await context.close();

    // a colleague whose browser asks for German and who has not chosen gets German
    const colleague = await createUser("supplier", { orgId: String(w.tier1._id) });
    const german = await browser.newContext({ locale: "de-DE" });
    const gpage = await german.newPage();
    await signIn(app, colleague, gpage);
    await openQuestionnaire(gpage, id);
    await expect(gpage.getByLabel("Language / Sprache / 言語").inputValue()).resolves.toBe("de");
    await question(gpage, "orgLegalName").getByText("Rechtlicher Name Ihrer Organisation").waitFor();
    await german.close();
  });
});
