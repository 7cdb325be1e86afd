import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Model, Serializer } from "survey-core";
import { finalizeDraft } from "./import";
import { importVsaq } from "./import/vsaq";
import { getTemplate, loadCatalogue } from "./loader";
import type { Json } from "./survey-walk";
import { tailorQuestions, tailorSurvey, type TailorNeeds } from "./tailor";

if (!Serializer.findProperty("question", "flowdown"))
  Serializer.addProperty("question", { name: "flowdown:object", visible: false });

const full = getTemplate("full-security")!.survey as Json;
const BOTH_FACTS: TailorNeeds["facts"] = ["notifyHours", "dataLocations"];

function pageNames(survey: Json): string[] {
  return (survey.pages as Json[]).map((p) => String(p.name));
}

/** Every element name of a survey JSON, panels included. */
function elementNames(survey: Json): string[] {
  const names: string[] = [];
  const visit = (list: unknown) => {
    for (const el of (list as Json[] | undefined) ?? []) {
      names.push(String(el.name));
      visit(el.elements);
    }
  };
  for (const page of survey.pages as Json[]) visit(page.elements);
  return names;
}

describe("tailorQuestions on the full security questionnaire", () => {
  it("asks the questions of the agreement's requirements, the chain facts and the identification, on their pages only", () => {
    const t = tailorQuestions(full, { requirementIds: ["FD-ENC-01", "FD-RET-02"], facts: BOTH_FACTS });
    expect(t.all).toBe(false);
    const reasons = Object.fromEntries(t.questions.map((q) => [q.name, q.reason]));
    expect(reasons).toEqual({
      orgLegalName: "identification",
      orgRegistration: "identification",
      serviceDescription: "identification",
      securityContactName: "identification",
      securityContactEmail: "identification",
      tlsMinimum: "requirement",
      transitChannels: "requirement",
      cryptoPolicyUpload: "requirement",
      breachNotifyHours: "fact",
      dataLocations: "fact",
      destroyWithinDays: "requirement",
      destructionMethod: "requirement",
      destructionCertificate: "requirement",
      destructionCertificateSample: "requirement",
    });
    expect(t.asked).toEqual(t.questions.map((q) => q.name));
    expect(t.pageCount).toBe(5);
    expect(t.templatePageCount).toBe(8);
    expect(t.templateQuestionCount).toBeGreaterThan(90);
    expect(t.byRequirement).toEqual([
      { requirementId: "FD-ENC-01", questions: 3, judged: true },
      { requirementId: "FD-RET-02", questions: 4, judged: true },
    ]);
  });

  it("keeps the question a panel's condition depends on, and the panel's own condition", () => {
    const t = tailorQuestions(full, { requirementIds: ["FD-DEV-01"], facts: [] });
    expect(t.questions.find((q) => q.name === "developsSoftware")).toMatchObject({
      reason: "condition",
      requirementIds: [],
    });
    const survey = tailorSurvey(full, t.asked);
    expect(pageNames(survey)).toEqual(["organisation", "vulnerabilities"]);
    const names = elementNames(survey);
    expect(names).toEqual(expect.arrayContaining(["developsSoftware", "developmentPanel", "sdlc", "threatModelling"]));
    // the rest of the page and of the panel goes
    expect(names).not.toContain("vulnerabilityPanel");
    expect(names).not.toContain("securityTesting");
    const panel = (survey.pages as Json[])[1].elements as Json[];
    expect(panel.find((e) => e.name === "developmentPanel")!.visibleIf).toBe("{developsSoftware} = true");

    // and SurveyJS still runs the condition on the tailored survey
    const model = new Model(survey);
    expect(model.getPanelByName("developmentPanel").isVisible).toBe(false);
    model.setValue("developsSoftware", true);
    expect(model.getPanelByName("developmentPanel").isVisible).toBe(true);
  });

  it("keeps the chain-fact questions even when the agreement names none of their requirements", () => {
    const t = tailorQuestions(full, { requirementIds: ["FD-CONF-02"], facts: BOTH_FACTS });
    expect(t.questions.filter((q) => q.reason === "fact").map((q) => q.name)).toEqual([
      "breachNotifyHours",
      "dataLocations",
    ]);
    const survey = tailorSurvey(full, t.asked);
    expect(pageNames(survey)).toEqual(["organisation", "confidentiality", "incidents", "location"]);
    // a dynamic panel is asked whole, with the fields its rule reads
    const location = (survey.pages as Json[])[3].elements as Json[];
    const locations = (location[0].elements as Json[])[0];
    expect(locations.name).toBe("dataLocations");
    expect((locations.templateElements as Json[]).map((e) => e.name)).toEqual([
      "country",
      "purpose",
      "transferMechanism",
    ]);
  });

  it("drops the chain facts when the agreement does not need them", () => {
    const t = tailorQuestions(full, { requirementIds: ["FD-CONF-02"], facts: [] });
    expect(t.asked).not.toContain("breachNotifyHours");
    expect(t.asked).not.toContain("dataLocations");
  });

  it("counts the requirements the questionnaire cannot answer", () => {
    const t = tailorQuestions(getTemplate("short-low-risk")!.survey as Json, {
      requirementIds: ["FD-INC-01", "FD-DEV-01", "FD-AUD-02"],
      facts: BOTH_FACTS,
    });
    expect(t.byRequirement).toEqual([
      { requirementId: "FD-INC-01", questions: 2, judged: true },
      { requirementId: "FD-DEV-01", questions: 0, judged: false },
      { requirementId: "FD-AUD-02", questions: 0, judged: false },
    ]);
  });

  it("asks everything when the questionnaire maps nothing to the agreement", () => {
    const t = tailorQuestions(full, { requirementIds: ["FD-XYZ-01"], facts: BOTH_FACTS });
    expect(t).toMatchObject({ all: true, asked: [], pageCount: 8 });
    expect(t.questions).toHaveLength(t.templateQuestionCount);
    expect(t.questions.find((q) => q.name === "confUndertaking")!.reason).toBe("all");
    expect(tailorSurvey(full, t.asked)).toBe(full);
  });
});

describe("tailorQuestions: dependencies", () => {
  const page = (name: string, elements: Json[], extra: Json = {}) => ({ name, elements, ...extra });
  const q = (name: string, extra: Json = {}) => ({ type: "text", name, ...extra });
  const mapped = (name: string, requirement: string, extra: Json = {}) =>
    q(name, { flowdown: { requirements: [requirement], judge: { kind: "present" } }, ...extra });

  it("follows conditions transitively, through pages, panels, requiredIf, calculated values and piped titles", () => {
    const survey: Json = {
      calculatedValues: [{ name: "isLarge", expression: "{headcount} > 250" }],
      pages: [
        page("p1", [q("a"), q("b", { visibleIf: "{a} notempty" }), q("headcount"), q("unrelated")]),
        page("p2", [q("pageGate"), q("c", { requiredIf: "{isLarge}" }), q("name")]),
        page(
          "p3",
          [
            { type: "html", name: "intro", html: "<p>About {name}</p>" },
            {
              type: "panel",
              name: "outer",
              enableIf: "{c} = 'yes'",
              elements: [mapped("target", "FD-X-01", { visibleIf: "{b} = 1", title: "For {name}" })],
            },
            q("sibling"),
          ],
          { visibleIf: "{pageGate} = true" },
        ),
      ],
    };
    const t = tailorQuestions(survey, { requirementIds: ["FD-X-01"], facts: [] });
    expect(Object.fromEntries(t.questions.map((x) => [x.name, x.reason]))).toEqual({
      a: "condition",
      b: "condition",
      headcount: "condition",
      pageGate: "condition",
      c: "condition",
      name: "condition",
      target: "requirement",
    });
    const tailored = tailorSurvey(survey, t.asked);
    expect(elementNames(tailored)).toEqual([
      "a",
      "b",
      "headcount",
      "pageGate",
      "c",
      "name",
      "intro",
      "outer",
      "target",
    ]);
    expect((tailored.pages as Json[])[2].visibleIf).toBe("{pageGate} = true");
    expect(tailored.calculatedValues).toEqual(survey.calculatedValues);
  });

  it("maps a dynamic panel by the questions inside it, and ignores its {panel.x} references", () => {
    const survey: Json = {
      pages: [
        page("p1", [
          q("mode"),
          {
            type: "paneldynamic",
            name: "vendors",
            templateElements: [
              q("kind"),
              mapped("signed", "FD-X-01", { visibleIf: "{panel.kind} = 'a' and {mode} = 1" }),
            ],
          },
        ]),
        page("p2", [q("other")]),
      ],
    };
    const t = tailorQuestions(survey, { requirementIds: ["FD-X-01"], facts: [] });
    expect(t.asked).toEqual(["mode", "vendors"]);
    expect(pageNames(tailorSurvey(survey, t.asked))).toEqual(["p1"]);
  });

  it("leaves out a text that introduces a page of which nothing is asked", () => {
    const survey: Json = {
      pages: [
        page("p1", [{ type: "html", name: "intro", html: "Hello" }, q("x")]),
        page("p2", [mapped("y", "FD-X-01")]),
      ],
    };
    const tailored = tailorSurvey(survey, tailorQuestions(survey, { requirementIds: ["FD-X-01"], facts: [] }).asked);
    expect(elementNames(tailored)).toEqual(["y"]);
  });
});

describe("tailorQuestions on an imported VSAQ questionnaire", () => {
  const source = fs.readFileSync(path.join(import.meta.dirname, "import/fixtures/supplier-vsaq.json"), "utf8");
  const imported = finalizeDraft(
    importVsaq(source, { fileName: "supplier-vsaq.json" }),
    { id: "supplier-vsaq", title: "Supplier VSAQ", version: "1", description: "" },
    loadCatalogue(),
    { vpn_product: ["FD-ACC-02"], declaration: ["FD-CONF-01"] },
  );
  if (!imported.ok) throw new Error(imported.errors.join("\n"));
  const survey = imported.template.survey as Json;

  it("keeps what a question in a conditional panel depends on, and what that depends on in turn", () => {
    const vpn = tailorQuestions(survey, { requirementIds: ["FD-ACC-02"], facts: BOTH_FACTS });
    expect(vpn.asked).toEqual(["access_auth", "access_review", "access_methods", "vpn_product"]);
    expect(pageNames(tailorSurvey(survey, vpn.asked))).toEqual(["block_access"]);

    // the declaration shows on a VPN answer inside that panel: the panel's own conditions come along
    const declaration = tailorQuestions(survey, { requirementIds: ["FD-CONF-01"], facts: [] });
    expect(declaration.asked).toEqual([
      "company_name",
      "access_auth",
      "access_review",
      "access_methods",
      "vpn_split_tunnel",
      "declaration",
    ]);
    // and the supplier can reach it: the VPN panel opens on the answers it is asked
    const model = new Model(tailorSurvey(survey, declaration.asked));
    expect(model.getPanelByName("block_vpn").isVisible).toBe(false);
    model.data = { company_name: "Acme", access_methods: ["access_vpn"], access_auth: "access_auth_mfa" };
    expect(model.getPanelByName("block_vpn").isVisible).toBe(true);
    expect(model.getQuestionByName("vpn_product")).toBeNull();
  });
});
