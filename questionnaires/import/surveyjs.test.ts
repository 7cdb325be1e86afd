import fs from "node:fs";
import path from "node:path";
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import fullSecurity from "#questionnaires/templates/full-security.json";
import { loadCatalogue, prepareTemplate } from "#questionnaires/loader";
import { finalizeDraft, formatOf, importQuestionnaire, jsonFormatOf } from "./index";
import { importSurveyJs } from "./surveyjs";

const catalogue = loadCatalogue();
const fixtureText = fs.readFileSync(path.join(import.meta.dirname, "fixtures/supplier-surveyjs.json"), "utf8");
const vsaqText = fs.readFileSync(path.join(import.meta.dirname, "fixtures/supplier-vsaq.json"), "utf8");
const enc = (text: string) => new TextEncoder().encode(text);
const header = { id: "cloud-hosting", title: "Cloud hosting", version: "1", description: "" };

async function importJson(value: unknown, name = "survey.json") {
  return importQuestionnaire({ name, bytes: enc(JSON.stringify(value)) }, catalogue);
}

async function errorsOf(value: unknown): Promise<string[]> {
  const outcome = await importJson(value);
  if (outcome.ok) throw new Error("expected the import to be refused");
  return outcome.errors;
}

const page = (elements: unknown[]) => ({ pages: [{ name: "p1", title: "Section", elements }] });

describe("format detection", () => {
  it.each([
    ["a SurveyJS survey with pages", "s.json", { pages: [] }, "surveyjs"],
    ["a SurveyJS survey with top-level elements", "s.json", { elements: [] }, "surveyjs"],
    ["a Flowdown template around a survey", "t.json", { id: "x", survey: { pages: [] } }, "surveyjs"],
    ["a VSAQ questionnaire", "q.json", { questionnaire: [] }, "vsaq"],
    ["a VSAQ extension", "q.json", { extensions: [] }, "vsaq"],
    ["JSON that is neither", "x.json", { hello: "world" }, null],
  ])("reads %s", (_, name, value, format) => {
    expect(jsonFormatOf(value)).toBe(format);
    expect(formatOf(name, enc(JSON.stringify(value)))).toBe(format);
  });

  it("tells the formats apart by content whatever the extension, and by extension otherwise", () => {
    expect(formatOf("survey.txt", enc(fixtureText))).toBe("surveyjs");
    expect(formatOf("supplier.json", enc(vsaqText))).toBe("vsaq");
    expect(formatOf("list.csv", enc("id,question\nq,A"))).toBe("csv");
    expect(formatOf("book.xlsx", new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("xlsx");
    expect(formatOf("notes.pdf", enc("%PDF-1.7"))).toBeNull();
  });

  it("imports a SurveyJS file instead of refusing it as 'not a VSAQ questionnaire'", async () => {
    const outcome = await importQuestionnaire({ name: "cloud.json", bytes: enc(fixtureText) }, catalogue);
    expect(outcome.ok ? outcome.draft.format : outcome.errors).toBe("surveyjs");
  });

  it("says which formats a JSON file may be in when it is neither", async () => {
    expect(await errorsOf({ hello: "world" })).toEqual([
      expect.stringMatching(/neither a SurveyJS survey .*"pages".* nor a VSAQ questionnaire .*"questionnaire"/),
    ]);
  });
});

describe("SurveyJS import", () => {
  const draft = () => importSurveyJs(JSON.parse(fixtureText), { fileName: "cloud.json", catalogue });

  it("keeps pages, questions, conditions and required markers, grouped by section", () => {
    const d = draft();
    expect(d.title).toBe("Cloud hosting security survey");
    expect(d.questions.map((q) => [q.name, q.section, q.required])).toEqual([
      ["companyName", "Company", true],
      ["tlsInTransit", "Encryption", false],
      ["encryptionAtRest", "Encryption", false],
      ["keyStorage", "Encryption", false],
      ["mfaRemote", "Access control", false],
      ["accessReview", "Access control", false],
      ["privilegedAccess", "Access control", false],
      ["accessPolicy", "Access control", false],
    ]);
    const model = new Model(d.survey);
    model.data = { encryptionAtRest: "none" };
    expect(model.getQuestionByName("keyStorage").isVisible).toBe(false);
    expect(model.getQuestionByName("companyName").isRequired).toBe(true);
  });

  it("keeps the file's Flowdown metadata as the starting mapping", () => {
    const q = draft().questions.find((x) => x.name === "encryptionAtRest")!;
    expect(q.requirements).toEqual(["FD-ENC-02"]);
    expect(q.judge).toEqual({ kind: "choice", scores: { all: 1, some: 0.5, none: 0 } });
  });

  it("makes the file safe to show and to answer: HTML reduced, files uploaded as evidence, settings the portal's", () => {
    const d = draft();
    const text = JSON.stringify(d.survey);
    expect(text).not.toContain("<script");
    expect(text).not.toContain("completedHtml");
    const model = new Model(d.survey);
    expect(model.getQuestionByName("accessPolicy").storeDataAsText).toBe(false);
    expect(d.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: "intro", reason: expect.stringMatching(/markup/) }),
        expect.objectContaining({ itemId: "accessPolicy", reason: expect.stringMatching(/uploaded to the portal/) }),
        expect.objectContaining({
          itemId: "survey",
          reason: expect.stringMatching(/showQuestionNumbers, completedHtml/),
        }),
      ]),
    );
  });

  it("re-imports a template shipped with the portal, its metadata intact, into a template the loader accepts", () => {
    const d = importSurveyJs(fullSecurity, { fileName: "full-security.json", catalogue });
    expect(d.title).toBe(fullSecurity.title);
    const mapped = d.questions.filter((q) => q.requirements.length > 0).length;
    expect(mapped).toBeGreaterThan(50);
    const result = finalizeDraft(d, { ...header, id: "full-security-copy" }, catalogue);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const loaded = prepareTemplate(result.template, catalogue);
    const shipped = prepareTemplate(fullSecurity, catalogue);
    expect(loaded.coveredRequirementIds).toEqual(shipped.coveredRequirementIds);
    expect(loaded.questions.filter((q) => q.isRequired).length).toBe(
      shipped.questions.filter((q) => q.isRequired).length,
    );
  });

  it.each([
    [
      "an unsupported question type",
      page([{ type: "rating", name: "satisfaction", title: "How happy are you?" }]),
      /question "satisfaction" on page "p1" is of type "rating", which the portal cannot show and score; use one of text, comment, boolean/i,
    ],
    [
      "a matrix",
      page([{ type: "matrix", name: "grid", columns: ["a"], rows: ["b"] }]),
      /question "grid" on page "p1" is of type "matrix"/i,
    ],
    [
      "choices loaded from a URL",
      page([{ type: "dropdown", name: "country", choicesByUrl: { url: "https://example.com/c" } }]),
      /question "country" on page "p1" takes its choices from "choicesByUrl"; list the choices in the file instead/i,
    ],
    [
      "a question without a name",
      page([{ type: "text", title: "Nameless" }]),
      /On page "p1", element 1 titled "Nameless" has no "name"; add it in the file\./,
    ],
    [
      "a question name the answers cannot be stored under",
      page([{ type: "text", name: "data.location" }]),
      /Question "data\.location" on page "p1": a question name may only hold letters, digits/,
    ],
    [
      "two questions with one name",
      page([
        { type: "text", name: "same" },
        { type: "comment", name: "same" },
      ]),
      /duplicate question name "same"/i,
    ],
    [
      "a condition on a question that does not exist",
      page([{ type: "text", name: "a", visibleIf: "{ghost} = true" }]),
      /"a"\.visibleIf refers to \{ghost\}, which is not a question of this template/,
    ],
    [
      "metadata that contradicts the question",
      page([
        {
          type: "comment",
          name: "hours",
          flowdown: { requirements: ["FD-INC-01"], judge: { kind: "atMost", param: "notifyWithinHours" } },
        },
      ]),
      /question "hours": judge "atMost" needs a question of type "text", not "comment"/i,
    ],
    [
      "a choice question without choices",
      page([{ type: "radiogroup", name: "pick" }]),
      /question "pick" on page "p1" has no "choices" list/i,
    ],
    [
      "an 'Other' item whose text would not be stored",
      page([{ type: "checkbox", name: "tools", choices: ["a"], showOtherItem: true }]),
      /question "tools" on page "p1" sets "showOtherItem", whose typed text the portal does not store/i,
    ],
    [
      "a yes/no question that stores other values than yes and no",
      page([{ type: "boolean", name: "ok", valueTrue: "Y", valueFalse: "N" }]),
      /question "ok" on page "p1" sets "valueTrue", but the portal stores yes and no as true and false/i,
    ],
    ["a survey with no pages", { pages: [] }, /The survey has no pages/],
    ["a survey with only text", page([{ type: "html", name: "x", html: "<p>Hi</p>" }]), /no questions/],
    ["pages that are not objects", { pages: ["intro"] }, /Page 1 is not an object/],
  ])("refuses %s, naming the element and the problem", async (_, survey, message) => {
    const errors = await errorsOf(survey);
    expect(errors.join("\n")).toMatch(message);
    // messages are sentences for a person, never a trace
    for (const e of errors) {
      expect(e).not.toMatch(/\n\s+at |Error:|undefined|\[object Object\]/);
      expect(e).toMatch(/^[A-Z"].*[.…]$/);
    }
  });

  it("lists every problem of a file at once", async () => {
    const errors = await errorsOf(
      page([
        { type: "rating", name: "r1" },
        { type: "ranking", name: "r2", choices: ["a", "b"] },
        { type: "signaturepad", name: "r3" },
      ]),
    );
    expect(errors.filter((e) => /which the portal cannot show and score/.test(e))).toHaveLength(3);
  });

  it("drops requirement ids the catalogue does not have, saying so", () => {
    const d = importSurveyJs(
      page([
        {
          type: "boolean",
          name: "mfa",
          flowdown: { requirements: ["FD-ACC-02", "FD-NOPE-01"], judge: { kind: "boolean", expected: true } },
        },
      ]),
      { fileName: "s.json", catalogue },
    );
    expect(d.questions[0].requirements).toEqual(["FD-ACC-02"]);
    expect(d.findings).toContainEqual(
      expect.objectContaining({ itemId: "mfa", level: "warning", reason: expect.stringMatching(/FD-NOPE-01/) }),
    );
  });
});

describe("required questions at publishing", () => {
  const draft = () => importSurveyJs(JSON.parse(fixtureText), { fileName: "cloud.json", catalogue });
  const isRequired = (template: { survey: Record<string, unknown> }, name: string) =>
    new Model(template.survey).getQuestionByName(name).isRequired;

  it("keeps the file's required markers when the admin changes none", () => {
    const result = finalizeDraft(draft(), header, catalogue, { tlsInTransit: ["FD-ENC-01"] });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(isRequired(result.template, "companyName")).toBe(true);
    expect(isRequired(result.template, "tlsInTransit")).toBe(false);
  });

  it("marks exactly the questions the admin marked, and a blank submission is then refused", () => {
    const result = finalizeDraft(
      draft(),
      header,
      catalogue,
      { tlsInTransit: ["FD-ENC-01"] },
      new Set(["tlsInTransit", "mfaRemote"]),
    );
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(isRequired(result.template, "companyName")).toBe(false);
    expect(isRequired(result.template, "tlsInTransit")).toBe(true);
    expect(isRequired(result.template, "mfaRemote")).toBe(true);
    const model = new Model(result.template.survey);
    expect(model.validate(false)).toBe(false);
  });

  it("refuses a required question the draft does not have", () => {
    const result = finalizeDraft(draft(), header, catalogue, { tlsInTransit: ["FD-ENC-01"] }, new Set(["ghost"]));
    expect(result.ok ? [] : result.errors).toContainEqual(expect.stringMatching(/"ghost" marked required/));
  });
});
