import { describe, expect, it } from "vitest";
import { Model, Serializer } from "survey-core";
import catalogueJson from "./catalogue.json";
import fullJson from "./templates/full-security.json";
import shortJson from "./templates/short-low-risk.json";
import {
  answerableRequirementIds,
  canonicalJson,
  contentHash,
  getTemplate,
  loadCatalogue,
  loadTemplates,
  prepareCatalogue,
  prepareTemplate,
  validateCatalogue,
  validateTemplate,
} from "./loader";
import { walkElements, type Json } from "./survey-walk";
import { REQUIREMENT_CATEGORIES, type CatalogueRequirement, type TemplateFile } from "./types";

// ------------------------------------------------------------------ helpers
type Raw = Record<string, any>; // crafted test input, deliberately loose

const clone = <T>(v: T): T => structuredClone(v) as T;
const catalogue = () => clone(catalogueJson) as Raw;
const fullTemplate = () => clone(fullJson) as Raw;

function req(cat: Raw, id: string): Raw {
  const r = cat.requirements.find((x: Raw) => x.id === id);
  if (!r) throw new Error(`no requirement ${id}`);
  return r;
}

function question(template: Raw, name: string): Raw {
  const el = walkElements(template.survey as Json).elements.find((e) => e.name === name);
  if (!el) throw new Error(`no question ${name}`);
  return el.element as Raw;
}

/** Appends a question to the first page of a template. */
function addQuestion(template: Raw, q: Raw): Raw {
  template.survey.pages[0].elements.push(q);
  return template;
}

const shipped = () => loadCatalogue();
const templateErrors = (t: Raw) => validateTemplate(t, shipped());
const expectError = (errors: string[], ...fragments: string[]) => {
  expect(
    errors.some((e) => fragments.every((f) => e.includes(f))),
    `expected an error containing ${fragments.join(" + ")}, got:\n${errors.join("\n")}`,
  ).toBe(true);
};

// -------------------------------------------------------- shipped catalogue
describe("shipped catalogue", () => {
  it("validates with zero errors", () => {
    expect(validateCatalogue(catalogueJson)).toEqual([]);
  });

  it("has at least 30 requirements, at least 2 per category, 3 to 6 knock-outs", () => {
    const { requirements } = shipped();
    expect(requirements.length).toBeGreaterThanOrEqual(30);
    for (const category of REQUIREMENT_CATEGORIES) {
      expect(requirements.filter((r) => r.category === category).length, category).toBeGreaterThanOrEqual(2);
    }
    const knockOuts = requirements.filter((r) => r.knockOut).length;
    expect(knockOuts).toBeGreaterThanOrEqual(3);
    expect(knockOuts).toBeLessThanOrEqual(6);
  });

  it("is version 2026.1 and indexes requirements by id", () => {
    const c = shipped();
    expect(c.version).toBe("2026.1");
    expect(c.byId.size).toBe(c.requirements.length);
    expect(c.byId.get("FD-SUB-01")?.category).toBe("sub-processing");
  });

  it("defines the breach notification requirement as the agreement needs it", () => {
    const inc = shipped().byId.get("FD-INC-01") as CatalogueRequirement;
    expect(inc.knockOut).toBe(true);
    expect(inc.weight).toBe(5);
    expect(inc.isoControls).toEqual(expect.arrayContaining(["A.5.24", "A.5.25", "A.5.26", "A.5.27"]));
    expect(inc.parameters).toEqual([
      expect.objectContaining({ key: "notifyWithinHours", type: "hours", default: 24, min: 1, max: 720 }),
    ]);
    expect(inc.description).toContain("{notifyWithinHours}");
  });

  it("judges data location by the agreement's jurisdictions and certification by certificates", () => {
    const c = shipped();
    expect(c.byId.get("FD-LOC-01")).toMatchObject({ knockOut: true, parameters: [] });
    const aud = c.byId.get("FD-AUD-02") as CatalogueRequirement;
    expect(aud.judgedByCertification).toBe(true);
    expect(aud.parameters).toEqual([
      expect.objectContaining({ key: "standard", type: "standard", default: "ISO/IEC 27001:2022" }),
    ]);
    expect(c.requirements.filter((r) => r.judgedByCertification).map((r) => r.id)).toEqual(["FD-AUD-02"]);
  });
});

// -------------------------------------------------------- shipped templates
describe("shipped templates", () => {
  it("validate with zero errors", () => {
    expect(validateTemplate(fullJson, shipped())).toEqual([]);
    expect(validateTemplate(shortJson, shipped())).toEqual([]);
  });

  it("load both templates, found by id", () => {
    expect(
      loadTemplates()
        .map((t) => t.id)
        .sort(),
    ).toEqual(["full-security", "short-low-risk"]);
    expect(getTemplate("full-security")?.title).toBe(fullJson.title);
    expect(getTemplate("no-such-template")).toBeUndefined();
  });

  it("full template: 60+ questions over about 8 pages, covering every requirement not judged by certification", () => {
    const full = getTemplate("full-security")!;
    const topLevel = full.questions.filter((q) => !q.dynamicPanel);
    expect(topLevel.length).toBeGreaterThanOrEqual(60);
    expect((full.survey.pages as unknown[]).length).toBeGreaterThanOrEqual(7);
    const needed = shipped()
      .requirements.filter((r) => !r.judgedByCertification)
      .map((r) => r.id);
    const missing = needed.filter((id) => !full.coveredRequirementIds.includes(id));
    expect(missing).toEqual([]);
  });

  it("full template carries the data-location panel and the breach window question as specified", () => {
    const full = getTemplate("full-security")!;
    const byName = new Map(full.questions.filter((q) => !q.dynamicPanel).map((q) => [q.name, q]));
    expect(byName.get("dataLocations")).toMatchObject({
      type: "paneldynamic",
      meta: {
        judge: { kind: "jurisdictions", countryField: "country", mechanismField: "transferMechanism" },
        fact: "dataLocations",
        gate: true,
      },
    });
    expect(byName.get("dataLocations")!.meta!.requirements).toContain("FD-LOC-01");
    expect(byName.get("breachNotifyHours")).toMatchObject({
      type: "text",
      meta: {
        requirements: ["FD-INC-01"],
        judge: { kind: "atMost", param: "notifyWithinHours" },
        gate: true,
        fact: "notifyHours",
      },
    });
    const countries = full.questions.find((q) => q.dynamicPanel === "dataLocations" && q.name === "country");
    expect(countries).toMatchObject({ type: "dropdown", parentPanel: "dataLocations" });
    const countryChoices = question(full as Raw, "dataLocations").templateElements[0].choices as {
      value: string;
      text: string;
    }[];
    expect(countryChoices.length).toBeGreaterThanOrEqual(60);
    expect(countryChoices).toContainEqual({
      value: "DE",
      text: { default: "Germany", de: "Deutschland", ja: "ドイツ", ar: "ألمانيا" },
    });
  });

  it("full template uses every kind of judge, conditional questions and evidence uploads", () => {
    const full = getTemplate("full-security")!;
    const kinds = new Set(full.questions.map((q) => q.meta?.judge.kind).filter(Boolean));
    for (const k of ["boolean", "choice", "coverage", "atMost", "atLeast", "jurisdictions", "present", "info"])
      expect(kinds).toContain(k);
    expect(question(full as Raw, "incidentPlanUpload").visibleIf).toBe("{hasIncidentPlan} = true");
    const files = full.questions.filter((q) => q.type === "file");
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(f.meta?.judge).toEqual({ kind: "present" });
    // sub-processors are listed with the four fields, and no field is itself a list
    const sub = full.questions.filter((q) => q.dynamicPanel === "subprocessors").map((q) => q.name);
    expect(sub).toEqual(["name", "country", "service", "flowdownSigned"]);
  });

  it("short template: 15–20 questions covering a subset, including the knock-outs it asks about", () => {
    const short = getTemplate("short-low-risk")!;
    const topLevel = short.questions.filter((q) => !q.dynamicPanel);
    expect(topLevel.length).toBeGreaterThanOrEqual(15);
    expect(topLevel.length).toBeLessThanOrEqual(20);
    const full = getTemplate("full-security")!;
    for (const id of short.coveredRequirementIds) expect(full.coveredRequirementIds).toContain(id);
    expect(short.coveredRequirementIds.length).toBeLessThan(full.coveredRequirementIds.length);
    expect(short.coveredRequirementIds).toEqual(expect.arrayContaining(["FD-INC-01", "FD-LOC-01", "FD-SUB-01"]));
  });

  it("neither template has a certifications section (certificates are captured by the portal)", () => {
    for (const t of loadTemplates()) {
      expect(t.questions.some((q) => /certificate number|certification body/i.test(q.title))).toBe(false);
    }
  });

  it("flattens questions with title fallback, page and panel", () => {
    const t = prepareTemplate(
      {
        id: "tiny",
        title: "Tiny",
        version: "1",
        description: "",
        survey: {
          pages: [
            {
              name: "p1",
              elements: [
                { type: "panel", name: "grp", elements: [{ type: "text", name: "contact", isRequired: true }] },
                { type: "html", name: "note", html: "<p>hi</p>" },
              ],
            },
          ],
        },
      },
      shipped(),
    );
    expect(t.questions).toEqual([
      {
        name: "contact",
        title: "contact",
        type: "text",
        meta: null,
        isRequired: true,
        pageName: "p1",
        parentPanel: "grp",
      },
    ]);
    expect(t.coveredRequirementIds).toEqual([]);
  });

  it("answerableRequirementIds ignores informational questions and works on raw files", () => {
    const raw = fullTemplate();
    expect(answerableRequirementIds(raw as TemplateFile)).toEqual(getTemplate("full-security")!.coveredRequirementIds);
    const tiny = {
      id: "t",
      title: "t",
      version: "1",
      description: "",
      survey: {
        pages: [
          {
            name: "p",
            elements: [
              { type: "text", name: "a", flowdown: { requirements: ["FD-SUB-01"], judge: { kind: "info" } } },
              {
                type: "boolean",
                name: "b",
                flowdown: { requirements: ["FD-CMP-01"], judge: { kind: "boolean", expected: true } },
              },
            ],
          },
        ],
      },
    };
    expect(answerableRequirementIds(tiny)).toEqual(["FD-CMP-01"]);
  });

  it("load into survey-core 3 without unknown properties, and conditions work", () => {
    if (!Serializer.findProperty("question", "flowdown"))
      Serializer.addProperty("question", { name: "flowdown:object", visible: false });
    for (const t of loadTemplates()) {
      const model = new Model(t.survey); // t.survey is frozen: survey-core must not need to modify it
      expect(model.jsonErrors ?? [], t.id).toEqual([]);
      expect(model.getAllQuestions().length).toBeGreaterThan(0);
    }
    const model = new Model(getTemplate("full-security")!.survey);
    const upload = model.getQuestionByName("incidentPlanUpload");
    expect(upload.isVisible).toBe(false);
    model.setValue("hasIncidentPlan", true);
    expect(upload.isVisible).toBe(true);
    expect(model.getQuestionByName("breachNotifyHours").getPropertyValue("flowdown")).toMatchObject({
      fact: "notifyHours",
    });
  });
});

// ------------------------------------------------------------------ hashing
describe("content hash and version tag", () => {
  it("is 12 hex characters, stable across loads, and matches the file content", () => {
    const a = loadCatalogue();
    expect(a.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(loadCatalogue().hash).toBe(a.hash);
    expect(prepareCatalogue(catalogue()).hash).toBe(a.hash);
    expect(a.hash).toBe(contentHash(catalogueJson));
    expect(a.versionTag).toBe(`2026.1+${a.hash}`);
    // the hash is of the template with its translations merged in (see loader.translations.test.ts)
    const full = getTemplate("full-security")!;
    expect(full.versionTag).toBe(`${fullJson.version}+${contentHash({ ...fullJson, survey: full.survey })}`);
  });

  it("ignores key order but not content", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));

    const changed = catalogue();
    req(changed, "FD-INC-01").parameters[0].default = 48;
    expect(prepareCatalogue(changed).hash).not.toBe(loadCatalogue().hash);

    const reordered = Object.fromEntries(Object.entries(catalogue()).reverse());
    expect(prepareCatalogue(reordered).hash).toBe(loadCatalogue().hash);

    const t = fullTemplate();
    question(t, "breachNotifyHours").title = "Notification time in hours";
    expect(prepareTemplate(t, shipped()).hash).not.toBe(getTemplate("full-security")!.hash);
  });
});

// ------------------------------------------------------ catalogue validation
describe("validateCatalogue rejects", () => {
  it("input that is not a catalogue", () => {
    expectError(validateCatalogue(null), "catalogue");
    expectError(validateCatalogue({ version: "1", requirements: [] }), "no requirements");
  });

  it("duplicate requirement ids", () => {
    const c = catalogue();
    c.requirements.push(clone(req(c, "FD-INC-01")));
    expectError(validateCatalogue(c), "duplicate requirement id FD-INC-01");
  });

  it("unknown categories", () => {
    const c = catalogue();
    req(c, "FD-ENC-01").category = "cryptography";
    expectError(validateCatalogue(c), "FD-ENC-01", 'unknown category "cryptography"');
  });

  it.each(["A.5.38", "A.9.1", "A.6.0", "A.8.35", "5.24", "A.7.15"])("ISO control id %s", (bad) => {
    const c = catalogue();
    req(c, "FD-ENC-01").isoControls.push(bad);
    expectError(validateCatalogue(c), "FD-ENC-01", `"${bad}" is not an ISO/IEC 27001:2022 Annex A control id`);
  });

  it("accepts the boundary controls of each theme", () => {
    const c = catalogue();
    req(c, "FD-ENC-01").isoControls = ["A.5.1", "A.5.37", "A.6.8", "A.7.14", "A.8.34", "A.8.10"];
    expect(validateCatalogue(c)).toEqual([]);
  });

  it("parameter defaults outside min/max", () => {
    const c = catalogue();
    req(c, "FD-INC-01").parameters[0].default = 1000;
    expectError(validateCatalogue(c), "FD-INC-01", "notifyWithinHours", "default 1000 is above max 720");
    req(c, "FD-INC-01").parameters[0].default = 0;
    expectError(validateCatalogue(c), "default 0 is below min 1");
  });

  it("keys with a dot or a leading $ (MongoDB cannot store them)", () => {
    const c = catalogue();
    req(c, "FD-INC-01")["notify.hours"] = 1;
    (c as Raw).$schema = "x";
    const errors = validateCatalogue(c);
    expectError(errors, '"notify.hours"', "MongoDB");
    expectError(errors, '"$schema"', "MongoDB");
  });

  it("placeholders naming no declared parameter, and weights outside 1–5", () => {
    const c = catalogue();
    req(c, "FD-RET-01").description += " Within {purgeDays} days.";
    req(c, "FD-RET-03").weight = 7;
    const errors = validateCatalogue(c);
    expectError(errors, "FD-RET-01", "{purgeDays}");
    expectError(errors, "FD-RET-03", "weight must be at most 5");
  });

  it("and loading throws listing every problem", () => {
    const c = catalogue();
    req(c, "FD-ENC-01").category = "cryptography";
    req(c, "FD-ENC-02").isoControls = ["A.9.9"];
    expect(() => prepareCatalogue(c)).toThrow(
      /Requirement catalogue is invalid \(2 problems\)[\s\S]*cryptography[\s\S]*A\.9\.9/,
    );
  });
});

// ------------------------------------------------------- template validation
describe("validateTemplate rejects", () => {
  it("dangling requirement ids", () => {
    const t = fullTemplate();
    question(t, "confUndertaking").flowdown.requirements = ["FD-CONF-99"];
    expectError(templateErrors(t), 'question "confUndertaking"', "unknown requirement FD-CONF-99");
  });

  it("duplicate question names, but allows the same name in different dynamic panels", () => {
    const t = fullTemplate();
    addQuestion(t, { type: "text", name: "breachNotifyHours" });
    expectError(templateErrors(t), 'duplicate question name "breachNotifyHours"');
    // "country" lives in both dataLocations and subprocessors: separate namespaces
    expect(templateErrors(fullTemplate())).toEqual([]);
    const u = fullTemplate();
    question(u, "dataLocations").templateElements.push({ type: "text", name: "country" });
    expectError(templateErrors(u), 'duplicate question name "country" inside dynamic panel "dataLocations"');
  });

  it("a key containing '.' or starting with '$' anywhere in the survey", () => {
    const t = fullTemplate();
    question(t, "tlsMinimum").choices[0]["text.en"] = "TLS 1.3";
    t.survey.$ref = "#/x";
    const errors = templateErrors(t);
    expectError(errors, '"text.en"', "MongoDB");
    expectError(errors, '"$ref"', "MongoDB");
  });

  it("choice scores outside [0, 1] or naming values that are not choices", () => {
    const t = fullTemplate();
    question(t, "tlsMinimum").flowdown.judge.scores.tls13 = 1.5;
    question(t, "tlsMinimum").flowdown.judge.scores.tls10 = 0;
    const errors = templateErrors(t);
    expectError(errors, 'question "tlsMinimum"', 'score for "tls13" is 1.5', "between 0 and 1");
    expectError(errors, 'question "tlsMinimum"', '"tls10"', "not one of the question's choices");
  });

  it("coverage values that are not choices", () => {
    const t = fullTemplate();
    question(t, "mfaScope").flowdown.judge.required.push("vpn");
    expectError(templateErrors(t), 'question "mfaScope"', 'coverage requires "vpn"');
  });

  it("atMost / atLeast on a parameter the linked requirement does not declare", () => {
    const t = fullTemplate();
    question(t, "breachNotifyHours").flowdown.judge.param = "notifyHours";
    expectError(
      templateErrors(t),
      'question "breachNotifyHours"',
      'parameter "notifyHours"',
      "FD-INC-01 does not declare",
    );
    // a question may serve a second requirement: the parameter then comes from the one declaring it
    const u = fullTemplate();
    question(u, "breachNotifyHours").flowdown.requirements.push("FD-INC-02");
    expect(templateErrors(u)).toEqual([]);
    question(u, "breachNotifyHours").flowdown.requirements = ["FD-INC-02", "FD-INC-03"];
    expectError(templateErrors(u), 'parameter "notifyWithinHours"', "requirements FD-INC-02, FD-INC-03 do not declare");
    const v = fullTemplate();
    question(v, "scanIntervalDays").inputType = "text";
    expectError(templateErrors(v), 'question "scanIntervalDays"', 'inputType "number"');
  });

  it("a jurisdictions rule on a question that is not a dynamic panel, or naming missing fields", () => {
    const t = addQuestion(fullTemplate(), {
      type: "text",
      name: "hostingCountry",
      flowdown: { requirements: ["FD-LOC-01"], judge: { kind: "jurisdictions", countryField: "country" } },
    });
    expectError(
      templateErrors(t),
      'question "hostingCountry"',
      'judge "jurisdictions" needs a question of type "paneldynamic"',
    );
    const u = fullTemplate();
    question(u, "dataLocations").flowdown.judge.countryField = "nation";
    question(u, "dataLocations").flowdown.judge.mechanismField = "mechanism";
    const errors = templateErrors(u);
    expectError(errors, 'countryField "nation" is not among');
    expectError(errors, 'mechanismField "mechanism" is not among');
    const w = fullTemplate();
    question(w, "dataLocations").templateElements[0].choices.push({ value: "Germany", text: "Germany" });
    expectError(templateErrors(w), "alpha-2", '"Germany"');
  });

  it("a judge that does not fit the question type", () => {
    const t = fullTemplate();
    question(t, "staffNda").flowdown.judge = { kind: "coverage", required: ["yes"] };
    expectError(templateErrors(t), 'question "staffNda"', 'judge "coverage" needs a question of type "checkbox"');
  });

  it("malformed metadata: unknown judge kind, stray keys, judged question without requirement", () => {
    const t = fullTemplate();
    question(t, "staffNda").flowdown.judge = { kind: "regex", pattern: ".*" };
    question(t, "needToKnow").flowdown.gates = true;
    question(t, "encryptionAtRest").flowdown.requirements = [];
    const errors = templateErrors(t);
    expectError(errors, 'question "staffNda"', 'unknown judge kind "regex"');
    expectError(errors, 'question "needToKnow"', "gates");
    expectError(errors, 'question "encryptionAtRest"', "no requirement is named");
  });

  it("bad metadata inside a dynamic panel's template, which scoring judges panel by panel", () => {
    const full = getTemplate("full-security")!;
    const signed = full.questions.find((q) => q.dynamicPanel === "subprocessors" && q.name === "flowdownSigned");
    expect(signed?.meta).toEqual({
      requirements: ["FD-SUB-01"],
      judge: { kind: "boolean", expected: true },
      gate: true,
    });
    const t = fullTemplate();
    question(t, "subprocessors").templateElements[3].flowdown.requirements = ["FD-SUB-09"];
    question(t, "subprocessors").templateElements[2].flowdown = {
      requirements: ["FD-SUB-01"],
      judge: { kind: "choice", scores: { x: 1 } },
    };
    const errors = templateErrors(t);
    expectError(errors, 'question "flowdownSigned"', "unknown requirement FD-SUB-09");
    expectError(errors, 'question "service"', 'judge "choice" needs a question of type');
  });

  it("conditions that refer to questions the template does not have", () => {
    const t = fullTemplate();
    question(t, "incidentPlanUpload").visibleIf = "{hasIncidentPlann} = true";
    expectError(templateErrors(t), '"incidentPlanUpload".visibleIf', "{hasIncidentPlann}");
  });

  it("a chain fact on the wrong kind of rule", () => {
    const t = fullTemplate();
    question(t, "logRetentionDays").flowdown.fact = "notifyHours";
    question(t, "retentionDays").flowdown.fact = "dataLocations";
    const errors = templateErrors(t);
    expectError(errors, 'question "logRetentionDays"', 'fact "notifyHours" needs an "atMost" judge');
    expectError(errors, 'question "retentionDays"', 'fact "dataLocations" needs a "jurisdictions" judge');
  });

  it("an envelope without pages or with a bad id", () => {
    expectError(
      templateErrors({ id: "Full Security", title: "x", version: "1", description: "", survey: { pages: [] } }),
      "template id",
      "lower-case",
    );
    expectError(
      templateErrors({ id: "x", title: "x", version: "1", description: "", survey: { pages: [] } }),
      "no pages",
    );
  });

  it("and preparing throws listing every problem", () => {
    const t = fullTemplate();
    question(t, "confUndertaking").flowdown.requirements = ["FD-CONF-99"];
    question(t, "tlsMinimum").flowdown.judge.scores.tls13 = -1;
    expect(() => prepareTemplate(t, shipped())).toThrow(
      /template full-security is invalid \(2 problems\)[\s\S]*FD-CONF-99[\s\S]*-1/,
    );
  });
});
