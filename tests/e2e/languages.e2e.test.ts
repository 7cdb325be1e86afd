import path from "node:path";
import mongoose from "mongoose";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE } from "#app/i18n/catalogue";
import { LOCALE_NAMES, type Locale } from "#app/i18n/locales";
import { demoPortalInBrowser, SCREENSHOT_DIR, signIn } from "./harness";
import { loadWorld, mailedLinks, settle, visitsOf, type Who, type World } from "./portal-pages";

/**
 * The portal in each of its languages, as a browser that prefers it sees it:
 * every page of every role (the plain visits of ./portal-pages.ts) says
 * `lang` and `dir` right and shows no English but proper names and what
 * people typed. What people typed, and the names of organisations, people
 * and files, are whatever the database holds; everything else on a page
 * comes from the catalogue.
 */
const portal = demoPortalInBrowser({ mail: true });
const world = {} as World;
/** Every text the database holds (names, titles, what people typed, stored results): not the portal's own words. */
let stored = "";

/** Collections whose text is the portal's own (questionnaire sources), not what people typed. */
const NOT_PEOPLES_TEXT = new Set(["questionnaireversions", "importedtemplates", "sessions", "evidence.chunks"]);

/** `{ text }` and `{ requirement, title }` inside a stored reason: questionnaire and catalogue words, said per reader. */
function isPortalText(value: unknown): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort().join();
  return keys === "text" || keys === "requirement,title";
}

async function storedText(mongoUri: string): Promise<string> {
  const conn = await mongoose.createConnection(mongoUri).asPromise();
  const texts: string[] = [];
  const collect = (value: unknown) => {
    // a stored reason's questionnaire texts and requirement titles (app/scoring/said.ts) are the portal's words
    if (isPortalText(value)) return;
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value))
      Object.values(value).forEach(collect);
  };
  try {
    for (const { name } of await conn.db!.listCollections().toArray())
      if (!NOT_PEOPLES_TEXT.has(name)) for await (const doc of conn.collection(name).find()) collect(doc);
  } finally {
    await conn.close();
  }
  return texts.join("\n");
}

beforeAll(async () => {
  Object.assign(world, await loadWorld(portal.app.mongoUri));
  world.links = await mailedLinks(portal, world);
  stored = await storedText(portal.app.mongoUri);
});

/** What a reader sees and hears on the page: visible text, and the names and hints of controls. */
function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      // code, keys and file formats are written as they are typed in every language
      if (!parent || !text || parent.closest("script, style, noscript, template, code, kbd, samp, pre")) continue;
      // text the page declares to be in another language (the API reference's descriptions, from the English OpenAPI document)
      if (parent.closest("[lang]")?.getAttribute("lang") !== document.documentElement.lang) continue;
      const owner = parent.closest("option") ? parent.closest("select") : parent;
      if (owner?.checkVisibility({ visibilityProperty: true })) out.push(text);
    }
    for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder], img[alt]"))
      if (element.checkVisibility())
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
          const value = element.getAttribute(name)?.trim();
          if (value) out.push(value);
        }
    return out;
  });
}

/** Words that are the same in every language: the brand, standards, formats, units, the requirement codes. */
const UNIVERSAL =
  /Flowdown|SHA-256|HMAC-SHA256|HMAC|REST API|OpenID Connect|Webhook|POST|Unix|Node\.js|URI|localhost|https?:\/\/|[a-z0-9-]+\.(?:example|com)\b|API|OpenAPI|openapi|Retry-After|ETag|If-None-Match|RFC|UTF-8|URL|UTC|PDF|CSV|XLSX|JSON|json|csv|VSAQ|SurveyJS Creator|SurveyJS|SMTP|Ctrl|Cmd|OWASP|ASVS|\/[a-z][a-z-]*|ISO\/IEC|ISO|IEC|SOC|TLS|MFA|VPN|NIST|SP|GDPR|SCC|BCR|IT|ID|OK|FD-[A-Z]+-\d+|[A-Z]\.\d+(\.\d+)*|\S+@\S+|https?:\/\/\S+|[0-9a-f]{12,}/g;

/** The language menu names each language in itself. */
const LANGUAGE_NAMES = new Set(Object.values(LOCALE_NAMES));

/**
 * English the portal still shows, each with its reason: the column names of
 * a file format. Anything else English fails the test, the scoring
 * engine's reasons included (they are stored as messages and said in the
 * reader's language).
 */
const KNOWN_ENGLISH: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^(requirement ids|choices|answer type|expected answer)$/,
    why: "the column names of the questionnaire import's file format",
  },
];

/** Country names in the page's language (Intl's own): proper names, whatever script they are in. */
function countryNames(locale: Locale): Set<string> {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const out = new Set<string>();
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) for (const part of name.split(/\s*[&(),]\s*|\s+and\s+/)) out.add(part.trim());
    }
  return out;
}

const known = (phrase: string) => KNOWN_ENGLISH.some(({ pattern }) => pattern.test(phrase));

/** The runs of Latin-script words in a text, without the universal words and a closing full stop. */
function latinPhrases(text: string): string[] {
  const latin = /\p{Script=Latin}[\p{Script=Latin}'’.-]*(?:[ \u00a0]+\p{Script=Latin}[\p{Script=Latin}'’.-]*)*/gu;
  return (text.replace(UNIVERSAL, " ").match(latin) ?? []).map((phrase) => phrase.replace(/\.$/, ""));
}

/** The English words of a text that neither the database nor the universal words account for. */
function englishIn(text: string): string[] {
  if (stored.includes(text)) return [];
  return latinPhrases(text).filter(
    (phrase) =>
      /\p{Script=Latin}{3}/u.test(phrase) && !stored.includes(phrase) && !LANGUAGE_NAMES.has(phrase) && !known(phrase),
  );
}

/** English messages of the catalogue whose German is different: any of them on a German page is untranslated. */
const ENGLISH_ONLY = new Set(
  Object.values(CATALOGUE)
    .filter((entry) => entry.en !== entry.de && !/[{<]/.test(entry.en) && /\s/.test(entry.en))
    .map((entry) => entry.en),
);
const ENGLISH_WORDS = /\b(the|and|of|your|with|this|that|has|have|were|which|from|been|not yet|no one)\b/i;

function untranslated(locale: Locale, texts: string[]): string[] {
  if (locale === "de") {
    // German shares the script: a phrase is English when it is neither stored nor a country and says English words
    const countries = countryNames("de");
    return texts.flatMap((text) =>
      stored.includes(text) || ENGLISH_ONLY.has(text)
        ? ENGLISH_ONLY.has(text) && !stored.includes(text) && !known(text)
          ? [text]
          : []
        : latinPhrases(text).filter(
            (phrase) =>
              ENGLISH_WORDS.test(phrase) && !stored.includes(phrase) && !countries.has(phrase) && !known(phrase),
          ),
    );
  }
  return texts.flatMap(englishIn);
}

const WHO: Who[] = ["anonymous", "supplier", "procurement", "discloser", "admin"];

/** A browser that prefers `locale`, signed in as `who` (over HTTP: the account keeps no language of its own). */
async function browserIn(locale: Locale, who: Who): Promise<Page> {
  const context = await portal.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  if (who !== "anonymous") {
    const cookie = await signIn(portal.app, who);
    const [name, value] = cookie.split(";")[0].split("=");
    await context.addCookies([{ name, value, url: portal.app.baseUrl }]);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  return page;
}

describe.each(["de", "ja", "ar"] as const)("the portal in %s", (locale) => {
  it.each(WHO)(
    `every page, as %s sees it, is in ${locale} with its direction`,
    async (who) => {
      const page = await browserIn(locale, who);
      const findings: string[] = [];
      let shot = false;
      try {
        for (const { route, visit } of visitsOf(who)) {
          if (visit.then) continue; // the visits that fill forms are written with English labels
          const url = visit.path(world);
          const response = await page.goto(`${portal.app.baseUrl}${url}`);
          expect(response?.status(), url).toBe(visit.status ?? 200);
          await settle(page);
          const { lang, dir } = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
          }));
          expect({ lang, dir }, url).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
          for (const english of untranslated(locale, await readableTexts(page)))
            findings.push(`${url} [${route}]: ${JSON.stringify(english)}`);
          if (!shot) {
            await page.screenshot({ path: path.join(SCREENSHOT_DIR, `language-${locale}-${who}.png`), fullPage: true });
            shot = true;
          }
        }
      } finally {
        await page.context().close();
      }
      expect([...new Set(findings)], `English on ${locale} pages:\n${[...new Set(findings)].join("\n")}`).toEqual([]);
      // one walk visits every page of a role: it grows with the portal, a page at a time
    },
    240_000,
  );
});

describe("right to left", () => {
  it("puts the sidebar on the right and the table's first column at its right edge in Arabic", async () => {
    const page = await browserIn("ar", "procurement");
    try {
      await page.goto(`${portal.app.baseUrl}/procurement/assessments`);
      await settle(page);
      const layout = await page.evaluate(() => {
        const sidebar = document.querySelector(".sidebar")!.getBoundingClientRect();
        const main = document.querySelector("main")!.getBoundingClientRect();
        const cell = document.querySelector("main table th")!;
        const row = cell.parentElement!.getBoundingClientRect();
        return {
          sidebarRight: sidebar.left > main.left,
          firstCellAtRight: Math.abs(cell.getBoundingClientRect().right - row.right) < 2,
          direction: getComputedStyle(document.body).direction,
        };
      });
      expect(layout).toEqual({ sidebarRight: true, firstCellAtRight: true, direction: "rtl" });
    } finally {
      await page.context().close();
    }
  });
});

describe("the language menu", () => {
  it("keeps a signed-in user's choice on the account, for every device", async () => {
    const first = await browserIn("en", "supplier");
    try {
      await first.goto(`${portal.app.baseUrl}/supplier`);
      await settle(first);
      await first.getByLabel("Language").selectOption("ja");
      await first.waitForFunction(() => document.documentElement.lang === "ja");
      expect(await first.getByRole("button", { name: CATALOGUE["common.signOut"].ja }).isVisible()).toBe(true);
    } finally {
      await first.context().close();
    }
    // another browser, preferring German, signed in as the same user: the account's Japanese wins
    const second = await browserIn("de", "supplier");
    try {
      await second.goto(`${portal.app.baseUrl}/supplier`);
      expect(await second.evaluate(() => document.documentElement.lang)).toBe("ja");
      await second.getByLabel(CATALOGUE["language.label"].ja).selectOption("browser");
      await second.waitForFunction(() => document.documentElement.lang === "de");
    } finally {
      await second.context().close();
    }
  });

  it("keeps a visitor's choice in the browser until sign-in", async () => {
    const page = await browserIn("ar", "anonymous");
    try {
      await page.goto(`${portal.app.baseUrl}/login`);
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await page.getByLabel(CATALOGUE["language.label"].ar).selectOption("de");
      await page.waitForFunction(() => document.documentElement.lang === "de");
      await page.goto(`${portal.app.baseUrl}/forgot-password`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    } finally {
      await page.context().close();
    }
  });
});
