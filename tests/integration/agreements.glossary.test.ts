import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { getRequest, sessionCookie } from "#tests/fixtures/factories";
import {
  createAgreement,
  createAgreementParties,
  multiFormRequest,
  validAgreementFields,
} from "#tests/fixtures/agreements";
import { tabOf } from "#tests/fixtures/agreement-page";
import { replyOf } from "#tests/helpers/responses";
import { DEFAULT_GLOSSARY } from "#models/glossary";

setupTestDatabase();

const { action: createAction, loader: newLoader } = await import("#app/routes/_portal.procurement.agreements.new");
const { action: editAction, loader: editLoader } = await import("#app/routes/_portal.procurement.agreements.$id.edit");
const { loader: procurementView } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { Agreement } = await import("#models/agreement.server");

const term = (
  row: number,
  fields: { en?: [string, string]; de?: [string, string]; ja?: [string, string]; ar?: [string, string] },
) => {
  const out: Record<string, string> = {};
  for (const code of ["en", "de", "ja", "ar"] as const) {
    out[`glossary.${row}.term.${code}`] = fields[code]?.[0] ?? "";
    out[`glossary.${row}.definition.${code}`] = fields[code]?.[1] ?? "";
  }
  return out;
};

async function create(fields: Record<string, string | string[]>, cookie: string) {
  return createAction({
    request: multiFormRequest("/procurement/agreements/new", fields, cookie),
    params: {},
    context: {},
  });
}

describe("the agreement's glossary", () => {
  it("is offered with the default terms in English, German and Japanese when an agreement is created", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const loaded = await newLoader({
      request: getRequest("/procurement/agreements/new", cookie),
      params: {},
      context: {},
    });
    const values = loaded.values as Record<string, string>;
    expect(values["glossary.0.term.en"]).toBe("Confidential Information");
    expect(values["glossary.0.term.ja"]).toBe("秘密情報");
    const offered = Object.keys(values)
      .filter((k) => /^glossary\.\d+\.term\.en$/.test(k))
      .map((k) => values[k]);
    expect(offered).toEqual(
      expect.arrayContaining(["Confidential Information", "Permitted recipients", "Return or destroy"]),
    );
  });

  it("is stored with every language, shown on the agreement page and brought back into the edit form", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const fields = validAgreementFields(p, {
      ...term(0, {
        en: ["Return or destroy", "Give back or securely delete."],
        de: ["Rückgabe oder Vernichtung", "Zurückgeben oder sicher löschen."],
        ja: ["返還または破棄", "返却または安全に消去すること。"],
        ar: ["الإعادة أو الإتلاف", "الإعادة أو الحذف الآمن."],
      }),
      // a row the user left empty is not a term
      ...term(1, {}),
      ...term(2, { en: ["Clean room", "A segregated workspace."] }),
    });
    const res = (await create(fields, cookie)) as Response;
    expect(res.status).toBe(302);
    const id = res.headers.get("Location")!.match(/agreements\/([0-9a-f]{24})/)![1];
    const stored = await Agreement.findById(id).lean();
    expect(stored!.glossary).toEqual([
      {
        term: {
          en: "Return or destroy",
          de: "Rückgabe oder Vernichtung",
          ja: "返還または破棄",
          ar: "الإعادة أو الإتلاف",
        },
        definition: {
          en: "Give back or securely delete.",
          de: "Zurückgeben oder sicher löschen.",
          ja: "返却または安全に消去すること。",
          ar: "الإعادة أو الحذف الآمن.",
        },
      },
      {
        term: { en: "Clean room", de: "", ja: "", ar: "" },
        definition: { en: "A segregated workspace.", de: "", ja: "", ar: "" },
      },
    ]);

    const view = tabOf(
      await procurementView({
        request: getRequest(`/procurement/agreements/${id}?tab=terms`, cookie),
        params: { id },
        context: {},
      }),
      "terms",
    );
    expect(view.agreement.glossary).toHaveLength(2);

    const edit = await editLoader({
      request: getRequest(`/procurement/agreements/${id}/edit`, cookie),
      params: { id },
      context: {},
    });
    const values = edit.values as Record<string, string>;
    expect(values["glossary.0.definition.ja"]).toBe("返却または安全に消去すること。");
    expect(values["glossary.1.term.en"]).toBe("Clean room");
    // removing a term in the edit form removes it from the agreement
    const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith("glossary.1.")));
    const saved = (await editAction({
      request: multiFormRequest(
        `/procurement/agreements/${id}/edit`,
        { ...kept, revision: String(edit.revision) },
        cookie,
      ),
      params: { id },
      context: {},
    })) as Response;
    expect(saved.status).toBe(302);
    expect((await Agreement.findById(id).lean())!.glossary!.map((g) => g.term.en)).toEqual(["Return or destroy"]);
  });

  const bad: [string, Record<string, string>, string, RegExp][] = [
    [
      "a definition without its term",
      term(0, { en: ["", "Orphan definition."] }),
      "glossary.0.term.en",
      /Enter the term in English/,
    ],
    [
      "a term without its definition",
      term(0, { en: ["Clean room", ""] }),
      "glossary.0.definition.en",
      /Enter the agreed definition in English/,
    ],
    [
      "a translated term without its translated definition",
      term(0, { en: ["Clean room", "A workspace."], ja: ["クリーンルーム", ""] }),
      "glossary.0.definition.ja",
      /definition in 日本語 too/,
    ],
    [
      "a translated definition without its term",
      term(0, { en: ["Clean room", "A workspace."], de: ["", "Ein Arbeitsbereich."] }),
      "glossary.0.term.de",
      /term in Deutsch too/,
    ],
    [
      "the same term twice",
      { ...term(0, { en: ["Clean room", "A workspace."] }), ...term(1, { en: ["clean ROOM", "Again."] }) },
      "glossary.1.term.en",
      /already in the glossary/,
    ],
    [
      "a term longer than 80 characters",
      term(0, { en: ["x".repeat(81), "Too long a term."] }),
      "glossary.0.term.en",
      /At most 80 characters/,
    ],
    [
      "a definition longer than 1000 characters",
      term(0, { en: ["Clean room", "y".repeat(1001)] }),
      "glossary.0.definition.en",
      /At most 1000 characters/,
    ],
  ];

  it.each(bad)(
    "refuses %s beside the field, keeps what was typed and saves nothing",
    async (_label, glossaryFields, field, message) => {
      const p = await createAgreementParties();
      const cookie = await sessionCookie(String(p.procurement.user._id));
      const fields = validAgreementFields(p, glossaryFields);
      const result = await create(fields, cookie);
      expect(result).toBeRefused(field, message);
      const { values } = replyOf(result).data;
      for (const [k, v] of Object.entries(glossaryFields)) expect(values[k]).toBe(v);
      expect(await Agreement.countDocuments({ recipientOrgId: p.recipient._id })).toBe(0);
    },
  );

  it("refuses more than 40 terms", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const many = Object.assign(
      {},
      ...Array.from({ length: 41 }, (_, i) => term(i, { en: [`Term ${i}`, `Definition ${i}.`] })),
    );
    expect(await create(validAgreementFields(p, many), cookie)).toBeRefused("glossary", "At most 40 terms");
  });

  it("is also checked by the model when written directly", async () => {
    const p = await createAgreementParties();
    await expect(
      createAgreement(p, { glossary: [{ term: { en: "" }, definition: { en: "No term." } }] }),
    ).rejects.toThrow(/glossary\.0\.term\.en/);
    const ok = await createAgreement(p, { glossary: DEFAULT_GLOSSARY });
    expect((await Agreement.findById(ok._id).lean())!.glossary).toHaveLength(DEFAULT_GLOSSARY.length);
  });
});
