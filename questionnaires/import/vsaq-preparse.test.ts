import { describe, expect, it } from "vitest";
import { parseVsaq, vsaqToJson } from "./vsaq-preparse";
import { ImportError } from "./types";

describe("VSAQ pre-parser", () => {
  it("drops // comment lines and /* */ comments but keeps // inside strings", () => {
    const text = '// licence\n{\n  // a note\n  "url": "https://example.test/a", /* inline */ "n": 1\n}\n';
    expect(parseVsaq(text)).toEqual({ url: "https://example.test/a", n: 1 });
  });

  it('joins "..." + "..." across lines, keeping the text exactly', () => {
    const text = '{"text": "first part, " +\n        "second part" + "!"}';
    expect(parseVsaq(text)).toEqual({ text: "first part, second part!" });
  });

  it("turns \\xNN escapes into JSON \\u00NN escapes and keeps other escapes", () => {
    expect(parseVsaq('{"t": "a\\x21 \\"q\\" \\n"}')).toEqual({ t: 'a! "q" \n' });
  });

  it("keeps line numbers: a JSON error after a concatenation names the right line", () => {
    const text = '{\n  "a": "x" +\n       "y",\n  "b": 1,\n  "c": oops\n}';
    expect(() => parseVsaq(text)).toThrow(/line 5/);
  });

  it("refuses a + that does not join two strings, with its position", () => {
    expect(() => vsaqToJson('{"a": 1 + 2}')).toThrow(ImportError);
    expect(() => vsaqToJson('{"a": 1 + 2}')).toThrow(/line 1, column 9/);
    expect(() => vsaqToJson('{"a": "x" + }')).toThrow(/must be followed by a string/);
  });

  it("refuses unclosed strings and comments, and empty files", () => {
    expect(() => vsaqToJson('{"a": "x}')).toThrow(/never closed/);
    expect(() => vsaqToJson('{"a": "x\n"}')).toThrow(/runs past the end of its line/);
    expect(() => vsaqToJson("{ /* open")).toThrow(/never closed/);
    expect(() => parseVsaq("// only a comment\n")).toThrow(/empty/);
  });

  it("reports malformed JSON clearly", () => {
    expect(() => parseVsaq('{"a": [1, 2,, 3]}')).toThrow(/not valid JSON at line 1/);
  });
});
