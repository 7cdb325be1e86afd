import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "#questionnaires/loader";
import { detectDelimiter, parseCsv } from "./csv";
import { finalizeDraft, importQuestionnaire } from "./index";

const catalogue = loadCatalogue();
const enc = (s: string) => new TextEncoder().encode(s);
const header = { id: "supplier-list", title: "Supplier list", version: "2026.1", description: "" };

async function draftOf(name: string, bytes: Uint8Array) {
  const outcome = await importQuestionnaire({ name, bytes }, catalogue);
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  return outcome.draft;
}

async function errorsOf(name: string, text: string) {
  const outcome = await importQuestionnaire({ name, bytes: enc(text) }, catalogue);
  expect(outcome.ok).toBe(false);
  return outcome.ok ? [] : outcome.errors;
}

describe("CSV parser (RFC 4180)", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks inside", () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\r\n')).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "line 1\r\nline 2"],
    ]);
  });

  it("keeps empty fields, quoted or not, and a last line without a line break", () => {
    expect(parseCsv('a,,""\n1,2,3')).toEqual([
      ["a", "", ""],
      ["1", "2", "3"],
    ]);
    expect(parseCsv('""')).toEqual([[""]]);
  });

  it("drops a BOM and detects ; and tab delimiters from the header", () => {
    expect(detectDelimiter("id;question;type\n1,5;x;y")).toBe(";");
    expect(detectDelimiter('"a;b",c,d')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(parseCsv('\uFEFFid;question\n1;"a;b"')).toEqual([
      ["id", "question"],
      ["1", "a;b"],
    ]);
  });

  it("refuses an unclosed quote and text after a closing quote", () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(/starting on line 1 that is never closed/);
    expect(() => parseCsv('a,"b"c\n')).toThrow(/text after a closing quote on line 1/);
  });
});

const CSV = [
  "\uFEFFid;section;question;answer type;choices;requirement ids;expected answer",
  'org_name;Company;"Legal name; as registered";text;;;',
  'mfa;Access;"Do you enforce ""MFA"" for remote access?";yes/no;;FD-ACC-01;yes',
  'auth;Access;How do staff sign in?;single choice;"mfa=Password and second factor|password=Password only|shared=Shared accounts";FD-ACC-01, FD-ACC-02;mfa',
  'notify;Incidents;"Within how many hours do you notify\nus of a breach?";number;;FD-INC-01;<= notifyWithinHours',
  "plan;Incidents;Upload your incident response plan;file;;FD-INC-01;",
].join("\r\n");

describe("CSV question lists", () => {
  it("maps rows to pages by section, with choices, requirement ids and judges", async () => {
    const d = await draftOf("supplier-list.csv", enc(CSV));
    expect(d.format).toBe("csv");
    const pages = d.survey.pages as { title: string; elements: Record<string, unknown>[] }[];
    expect(pages.map((p) => p.title)).toEqual(["Company", "Access", "Incidents"]);
    expect(pages[0].elements[0]).toMatchObject({ type: "text", name: "org_name", title: "Legal name; as registered" });
    expect(pages[1].elements[0]).toMatchObject({ type: "boolean", title: 'Do you enforce "MFA" for remote access?' });
    expect(pages[1].elements[1].choices).toEqual([
      { value: "mfa", text: "Password and second factor" },
      { value: "password", text: "Password only" },
      { value: "shared", text: "Shared accounts" },
    ]);
    expect(pages[2].elements[0]).toMatchObject({
      type: "text",
      inputType: "number",
      title: "Within how many hours do you notify\nus of a breach?",
    });
    const q = Object.fromEntries(d.questions.map((x) => [x.name, x]));
    expect(q.auth.requirements).toEqual(["FD-ACC-01", "FD-ACC-02"]);
    expect(q.mfa.judge).toEqual({ kind: "boolean", expected: true });
    expect(q.auth.judge).toEqual({ kind: "choice", scores: { mfa: 1, password: 0, shared: 0 } });
    expect(q.notify.judge).toEqual({ kind: "atMost", param: "notifyWithinHours" });

    const result = finalizeDraft(d, header, catalogue);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const auth = (result.template.survey.pages as { elements: Record<string, unknown>[] }[])[1].elements[1];
    expect(auth.flowdown).toEqual({
      requirements: ["FD-ACC-01", "FD-ACC-02"],
      judge: { kind: "choice", scores: { mfa: 1, password: 0, shared: 0 } },
    });
  });

  it("lets the admin's mapping replace the file's requirement ids", async () => {
    const d = await draftOf("list.csv", enc(CSV));
    const result = finalizeDraft(d, header, catalogue, {
      org_name: [],
      mfa: ["FD-ACC-02"],
      auth: [],
      notify: ["FD-INC-01"],
      plan: [],
    });
    expect(result.ok).toBe(true);
    const flat = result.ok ? JSON.stringify(result.template.survey) : "";
    expect(flat).toContain('"requirements":["FD-ACC-02"]');
    expect(flat).not.toContain("FD-ACC-01");
  });

  it("reads comma-separated files too", async () => {
    const d = await draftOf(
      "list.csv",
      enc('id,question,answer type,choices\nq1,"Which, if any?",multiple choice,a|b|c\n'),
    );
    expect((d.survey.pages as { elements: unknown[] }[])[0].elements[0]).toMatchObject({
      type: "checkbox",
      choices: ["a", "b", "c"],
    });
  });

  it("refuses malformed lists with every problem listed by row", async () => {
    const errors = await errorsOf(
      "bad.csv",
      [
        "id,question,answer type,choices,requirement ids",
        "q1,First,text,,",
        "q1,Duplicate,text,,",
        "q2,Odd type,slider,,",
        "q3,Unknown requirement,yes/no,,FD-XXX-99",
        "q4,One choice,single choice,only,",
        ",No id,text,,",
      ].join("\n"),
    );
    expect(errors).toEqual([
      'Row 3: the id "q1" is already used on row 2.',
      'Row 4: unknown answer type "slider"; use one of text, long text, number, date, yes/no, single choice, dropdown, multiple choice, file or info.',
      'Row 5: "FD-XXX-99" is not a requirement of the catalogue.',
      'Row 6: a single choice question needs at least two choices, separated by "|" or line breaks.',
      "Row 7: the id is empty.",
    ]);
  });

  it("refuses files without the required columns or without questions", async () => {
    expect(await errorsOf("a.csv", "foo;question\nx;y")).toEqual([
      expect.stringMatching(/missing: "id", "answer type" \(found: "foo", "question"\)/),
    ]);
    expect(await errorsOf("a.csv", "id;question;answer type\n")).toEqual([
      "The file has a header row but no questions.",
    ]);
    expect(await errorsOf("a.csv", "\n\n  \n")).toEqual(["The file is empty."]);
  });
});

describe("XLSX question lists", () => {
  it("reads the first sheet like a CSV file", async () => {
    const rows = [
      ["id", "Section", "Question", "Answer type", "Choices", "Requirement IDs"],
      ["mfa", "Access", 'Do you enforce "MFA"?', "Yes/No", "", "FD-ACC-01"],
      ["where", "Data", "Where is data stored?\n(all sites)", "multiple choice", "EU\nUS\nother", ""],
      ["staff", "Data", "How many staff?", "number", "", ""],
    ].map((r) => r.map((value) => ({ value })));
    const bytes = await writeXlsxFile(rows).toBuffer();
    const d = await draftOf("list.xlsx", new Uint8Array(bytes));
    expect(d.format).toBe("xlsx");
    const pages = d.survey.pages as { title: string; elements: Record<string, unknown>[] }[];
    expect(pages.map((p) => p.title)).toEqual(["Access", "Data"]);
    expect(pages[1].elements[0]).toMatchObject({
      type: "checkbox",
      title: "Where is data stored?\n(all sites)",
      choices: ["EU", "US", "other"],
    });
    expect(d.questions.find((q) => q.name === "mfa")!.requirements).toEqual(["FD-ACC-01"]);
    expect(finalizeDraft(d, header, catalogue).ok).toBe(true);
  });

  it("refuses a file that is not a workbook", async () => {
    const outcome = await importQuestionnaire({ name: "list.xlsx", bytes: enc("PK not really a zip") }, catalogue);
    expect(outcome.ok ? "" : outcome.errors[0]).toMatch(/could not be read as an Excel workbook/);
  });
});
