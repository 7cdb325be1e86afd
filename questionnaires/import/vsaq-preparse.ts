/**
 * VSAQ questionnaires are "almost JSON": the files in the wild carry `//`
 * comment lines (licence headers), long texts split as `"..." +` / `"..."`
 * across lines, and `\xNN` escapes. This turns such text into strict JSON
 * without evaluating anything, keeping line numbers so that JSON errors
 * point at the right line of the uploaded file.
 */
import { ImportError } from "./types";

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function at(text: string, index: number): string {
  const { line, column } = position(text, index);
  return `line ${line}, column ${column}`;
}

const HEX = /^[0-9a-fA-F]{2}$/;

/** Strict JSON text from VSAQ text; throws ImportError naming the line of the first problem. */
export function vsaqToJson(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let out = "";
  /** index in `out` of the closing quote of the last string, while nothing but blanks, comments or + followed it */
  let lastStringClose = -1;
  /** the position of a `+` waiting for the string it joins */
  let plusAt = -1;
  /** newlines swallowed by a concatenation, given back outside the string to keep line numbers */
  let owedNewlines = 0;
  let i = 0;

  const emit = (s: string) => {
    if (owedNewlines) {
      out += "\n".repeat(owedNewlines);
      owedNewlines = 0;
    }
    out += s;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0)
        throw new ImportError(`The file has a comment opened with /* at ${at(text, i)} that is never closed.`);
      const lines = text.slice(i, end).split("\n").length - 1;
      // keep the comment's line breaks so later line numbers stay right
      if (lastStringClose >= 0) owedNewlines += lines;
      else out += "\n".repeat(lines);
      i = end + 2;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      if (lastStringClose >= 0) {
        if (c === "\n") owedNewlines++;
      } else {
        out += c;
      }
      i++;
      continue;
    }
    if (c === "+") {
      if (lastStringClose < 0 || plusAt >= 0)
        throw new ImportError(`The file has a "+" at ${at(text, i)} that does not join two strings.`);
      plusAt = i;
      i++;
      continue;
    }
    if (c === '"') {
      const joining = plusAt >= 0;
      if (joining) {
        // drop the previous string's closing quote and this one's opening quote
        out = out.slice(0, lastStringClose);
        plusAt = -1;
      } else {
        if (lastStringClose >= 0) {
          // blanks after a string that were held back in case a + followed
          lastStringClose = -1;
        }
        emit('"');
      }
      lastStringClose = -1;
      const start = i;
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i];
        if (d === "\\") {
          const next = text[i + 1];
          if (next === "x" && HEX.test(text.slice(i + 2, i + 4))) {
            out += `\\u00${text.slice(i + 2, i + 4)}`;
            i += 4;
          } else if (next === undefined) {
            break;
          } else {
            out += d + next;
            i += 2;
          }
          continue;
        }
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === "\n" || d === "\r") {
          throw new ImportError(
            `The string that starts at ${at(text, start)} runs past the end of its line; close it with " (join long texts with + on the next line).`,
          );
        }
        out += d;
        i++;
      }
      if (!closed) throw new ImportError(`The string that starts at ${at(text, start)} is never closed.`);
      lastStringClose = out.length;
      out += '"';
      i++;
      continue;
    }
    if (plusAt >= 0) throw new ImportError(`The "+" at ${at(text, plusAt)} must be followed by a string.`);
    if (lastStringClose >= 0) lastStringClose = -1;
    emit(c);
    i++;
  }
  if (plusAt >= 0) throw new ImportError(`The "+" at ${at(text, plusAt)} must be followed by a string.`);
  if (owedNewlines) out += "\n".repeat(owedNewlines);
  return out;
}

/**
 * Where strict JSON text first goes wrong, and why. Only called once
 * JSON.parse has failed: engines word (and place) their messages differently,
 * and the admin needs a line number.
 */
export function locateJsonError(json: string): { index: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw { index: i, reason };
  };
  const ws = () => {
    while (i < json.length && " \t\r\n".includes(json[i])) i++;
  };
  const describeHere = () => (i >= json.length ? "the end of the file" : `"${json[i]}"`);
  /** The items of an object or array after its opening bracket, comma-separated, up to `close`. */
  const items = (close: "}" | "]", item: () => void): void => {
    i++;
    ws();
    if (json[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (json[i] === ",") {
        i++;
        continue;
      }
      if (json[i] === close) {
        i++;
        return;
      }
      fail(`expected "," or "${close}" but found ${describeHere()}`);
    }
  };
  const value = (): void => {
    ws();
    const c = json[i];
    if (c === "{")
      return items("}", () => {
        ws();
        if (json[i] !== '"') fail(`expected a property name in double quotes but found ${describeHere()}`);
        string();
        ws();
        if (json[i] !== ":") fail(`expected ":" after a property name but found ${describeHere()}`);
        i++;
        value();
      });
    if (c === "[") return items("]", value);
    if (c === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)/.exec(json.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(`expected a value but found ${describeHere()}`);
  };
  const string = () => {
    i++;
    while (i < json.length && json[i] !== '"') {
      if (json[i] === "\\") {
        if (!/^(["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(json.slice(i + 1, i + 6)))
          fail("invalid escape sequence in a string");
        i += json[i + 1] === "u" ? 6 : 2;
      } else {
        if (json.charCodeAt(i) < 0x20) fail("control character inside a string");
        i++;
      }
    }
    if (i >= json.length) fail("a string is not closed");
    i++;
  };
  try {
    value();
    ws();
    if (i < json.length) fail(`unexpected ${describeHere()} after the end of the questionnaire`);
  } catch (e) {
    if (e && typeof e === "object" && "reason" in e) return e as { index: number; reason: string };
    throw e;
  }
  return { index: 0, reason: "not valid JSON" };
}

/** Parses VSAQ text into a value; malformed input throws ImportError with line and column. */
export function parseVsaq(source: string): unknown {
  const json = vsaqToJson(source);
  if (!json.trim()) throw new ImportError("The file is empty.");
  try {
    return JSON.parse(json);
  } catch {
    const { index, reason } = locateJsonError(json);
    throw new ImportError(
      `The file is not valid JSON at ${at(json, index)} (after removing comments and joining strings): ${reason}.`,
    );
  }
}
