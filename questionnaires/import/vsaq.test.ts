import fs from "node:fs";
import path from "node:path";
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "#questionnaires/loader";
import { finalizeDraft, importQuestionnaire } from "./index";
import { ImportError } from "./types";
import { importVsaq } from "./vsaq";

const fixture = fs.readFileSync(path.join(import.meta.dirname, "fixtures/supplier-vsaq.json"), "utf8");
const draft = () => importVsaq(fixture, { fileName: "supplier-vsaq.json" });

function visible(survey: Record<string, unknown>, data: Record<string, unknown>, name: string): boolean {
  const model = new Model(survey);
  model.data = data;
  const el = model.getQuestionByName(name) ?? model.getPanelByName(name);
  if (!el) throw new Error(`no element ${name}`);
  return el.isVisible && (el.parent ? el.parent.isVisible : true);
}

describe("VSAQ import", () => {
  it("maps blocks to pages and panels, and items to SurveyJS elements", () => {
    const d = draft();
    expect(d.title).toBe("Supplier Security Questionnaire");
    const pages = d.survey.pages as { name: string; title: string; elements: { type: string; name: string }[] }[];
    expect(pages.map((p) => p.title)).toEqual(["Company", "Access control", "Incidents"]);
    const types = Object.fromEntries(pages.flatMap((p) => p.elements).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({
      company_name: "text",
      company_service: "comment",
      access_auth: "radiogroup",
      access_review: "boolean",
      access_methods: "checkbox",
      block_vpn: "panel",
      incident_plan: "file",
      declaration: "boolean",
      tip_rdp: "html",
    });
    const q = new Model(d.survey);
    expect(q.getQuestionByName("company_service").title).toBe(
      "Describe the service you provide and the information you will handle:",
    );
    expect(q.getQuestionByName("incident_plan").title).toBe("Upload your incident response plan.!");
    expect(q.getQuestionByName("company_name").isRequired).toBe(true);
    expect(q.getQuestionByName("access_methods").showNoneItem).toBe(true);
  });

  it("removes script and attributes from texts shown as HTML", () => {
    const html = JSON.stringify(draft().survey);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("alert(1)");
  });

  it("turns cond into visibleIf that SurveyJS evaluates as VSAQ does", () => {
    const s = draft().survey;
    // a tip on two radio choices
    expect(visible(s, { access_auth: "access_auth_mfa" }, "warn_access_no_mfa")).toBe(false);
    expect(visible(s, { access_auth: "access_auth_password" }, "warn_access_no_mfa")).toBe(true);
    // yesno with /no
    expect(visible(s, { access_review: false }, "warn_access_review")).toBe(true);
    expect(visible(s, { access_review: true }, "warn_access_review")).toBe(false);
    // && with brackets over a checkgroup choice, a radio choice and a yes/no
    expect(visible(s, { access_methods: ["access_vpn"], access_auth: "access_auth_mfa" }, "block_vpn")).toBe(true);
    expect(
      visible(
        s,
        { access_methods: ["access_vpn"], access_auth: "access_auth_password", access_review: true },
        "block_vpn",
      ),
    ).toBe(true);
    expect(
      visible(
        s,
        { access_methods: ["access_vpn"], access_auth: "access_auth_password", access_review: false },
        "block_vpn",
      ),
    ).toBe(false);
    expect(visible(s, { access_methods: ["access_rdp"], access_auth: "access_auth_mfa" }, "block_vpn")).toBe(false);
    // ^id: "shown unless the VPN block is shown"
    expect(visible(s, { access_methods: ["access_rdp"] }, "tip_rdp")).toBe(true);
    expect(
      visible(s, { access_methods: ["access_rdp", "access_vpn"], access_auth: "access_auth_mfa" }, "tip_rdp"),
    ).toBe(false);
    // left to right: (access_review || vpn_split_tunnel) && company_name/value
    expect(visible(s, { access_review: true }, "declaration")).toBe(false);
    expect(visible(s, { access_review: true, company_name: "ACME" }, "declaration")).toBe(true);
    expect(visible(s, { vpn_split_tunnel: true, company_name: "ACME" }, "declaration")).toBe(true);
  });

  it("puts choicesConds on the choices", () => {
    const model = new Model(draft().survey);
    const q = model.getQuestionByName("access_methods");
    const ztna = () => q.visibleChoices.some((c: { value: string }) => c.value === "access_ztna");
    model.setValue("access_auth", "access_auth_none");
    expect(ztna()).toBe(false);
    model.setValue("access_auth", "access_auth_mfa");
    expect(ztna()).toBe(true);
  });

  it("lists what it could not map, with the item id and the reason", () => {
    const findings = draft().findings;
    const byId = (id: string) => findings.filter((f) => f.itemId === id);
    expect(byId("incident_severity")).toEqual([
      { itemId: "incident_severity", level: "warning", reason: expect.stringContaining('unknown item type "slider"') },
    ]);
    expect(byId("incident_contact")[0].reason).toMatch(/"req_sensitive", which is not an item or choice/);
    expect(byId("incident_regex")[0].reason).toMatch(/matches\(\)/);
    expect(byId("declaration")[0]).toMatchObject({ level: "info", reason: expect.stringMatching(/left to right/) });
    expect(findings.some((f) => /spacer/.test(f.reason))).toBe(true);
    // an unmapped condition leaves the item always shown, never silently hidden
    expect(visible(draft().survey, {}, "incident_contact")).toBe(true);
  });

  it("infers judges from VSAQ warning tips", () => {
    const q = Object.fromEntries(draft().questions.map((x) => [x.name, x]));
    expect(q.access_auth.judge).toEqual({
      kind: "choice",
      scores: { access_auth_mfa: 1, access_auth_password: 0, access_auth_none: 0 },
    });
    expect(q.access_review.judge).toEqual({ kind: "boolean", expected: true });
    expect(q.company_name.judge).toEqual({ kind: "present" });
  });

  it("yields a template that passes the loader's validation once requirements are mapped", () => {
    const catalogue = loadCatalogue();
    const d = draft();
    const result = finalizeDraft(
      d,
      { id: "supplier-vsaq", title: "Supplier VSAQ", version: "1", description: "" },
      catalogue,
      { access_auth: ["FD-ACC-01"], access_review: ["FD-ACC-01"], incident_plan: ["FD-INC-01"] },
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
    const unmapped = finalizeDraft(
      d,
      { id: "supplier-vsaq", title: "Supplier VSAQ", version: "1", description: "" },
      catalogue,
      {},
    );
    expect(unmapped.ok ? [] : unmapped.errors).toEqual([
      expect.stringMatching(/at least one question to a requirement/),
    ]);
  });

  it.each([
    ['{"questionnaire": [ {"type": "line", "id": "a"}, {"type": "box", "id": "a"} ]}', /"a" is used twice/],
    [
      '{"questionnaire": [{"type": "radiogroup", "id": "g", "choices": [{"x": "X"}]}, {"type": "check", "id": "x"}]}',
      /"x" is used twice/,
    ],
    [
      '{"questionnaire": [ {"type": "line", "id": "a b"}, {"type": "line", "id": "a_b"} ]}',
      /both become the question name "a_b"/,
    ],
    ['{"questionnaire": []}', /no items/],
    ['{"extensions": []}', /extension file/],
    ['{"items": []}', /not a VSAQ questionnaire/],
    ['{"questionnaire": [{"type": "info", "text": "hello"}]}', /no questions/],
    [
      '{"questionnaire": [{"type": "line", "id": "a",}]}',
      /not valid JSON at line 1, column \d+ .*expected a property name/,
    ],
  ])("refuses malformed input %#", (source, message) => {
    expect(() => importVsaq(source)).toThrow(ImportError);
    expect(() => importVsaq(source)).toThrow(message);
  });

  it("refuses empty, oversize and non-UTF-8 files before parsing", async () => {
    const catalogue = loadCatalogue();
    const empty = await importQuestionnaire({ name: "q.json", bytes: new Uint8Array() }, catalogue);
    expect(empty).toEqual({ ok: false, errors: ["The file is empty."] });
    const big = await importQuestionnaire(
      { name: "q.json", bytes: new Uint8Array(1024 * 1024 + 1).fill(32) },
      catalogue,
    );
    expect(big.ok ? "" : big.errors[0]).toMatch(/at most 1 MB/);
    const latin1 = await importQuestionnaire({ name: "q.json", bytes: new Uint8Array([0x7b, 0xe9, 0x7d]) }, catalogue);
    expect(latin1.ok ? "" : latin1.errors[0]).toMatch(/not UTF-8/);
    const pdf = await importQuestionnaire({ name: "q.pdf", bytes: new TextEncoder().encode("%PDF-1.7") }, catalogue);
    expect(pdf.ok ? "" : pdf.errors[0]).toMatch(/Upload a SurveyJS survey or a VSAQ questionnaire/);
  });
});

describe("VSAQ required markers", () => {
  const item = (extra: Record<string, unknown>) =>
    JSON.stringify({ questionnaire: [{ type: "block", text: "S", items: [{ id: "q", text: "Q?", ...extra }] }] });

  it.each([
    ["line", true, true],
    ["box", "true", true],
    ["yesno", 1, true],
    ["radiogroup", true, true],
    ["line", "false", false],
    ["line", false, false],
    ["line", undefined, false],
  ])("a %s with required %j is required: %s, in the draft and in the survey", (type, required, expected) => {
    const extra: Record<string, unknown> = { type, required };
    if (type === "radiogroup") extra.choices = [{ q_a: "A" }, { q_b: "B" }];
    const d = importVsaq(item(extra));
    const name = d.questions[0].name;
    expect(d.questions[0].required).toBe(expected);
    expect(new Model(d.survey).getQuestionByName(name).isRequired).toBe(expected);
  });

  it("ignores required on a check item as VSAQ does, and says so", () => {
    const d = importVsaq(item({ type: "check", required: true }));
    expect(d.questions[0].required).toBe(false);
    expect(d.findings).toContainEqual(expect.objectContaining({ itemId: "q", reason: expect.stringMatching(/check/) }));
  });

  it("keeps the file's required questions required through publishing", () => {
    const d = draft();
    expect(d.questions.filter((q) => q.required).map((q) => q.name)).toEqual(["company_name"]);
    const result = finalizeDraft(d, { id: "t", title: "T", version: "1", description: "" }, loadCatalogue(), {
      access_auth: ["FD-ACC-02"],
    });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(new Model(result.template.survey).getQuestionByName("company_name").isRequired).toBe(true);
  });
});
