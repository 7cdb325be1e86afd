/**
 * Right-to-left text for the reports, with the Unicode bidirectional
 * algorithm (UAX #9, from bidi-js): a line in logical order becomes runs in
 * visual order, each set in one font and one direction. Text without a
 * right-to-left character never comes here (see `hasRtl`), so Latin reports
 * are laid out exactly as before.
 */
import bidiFactory from "bidi-js";
import { fontMirrors, splitByFont, type FontRun, type HanForm, type Weight } from "./fonts";

const bidi = bidiFactory();

export type Direction = "ltr" | "rtl";

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their presentation forms,
// and the RTL blocks of the supplementary planes (U+10800–10FFF, U+1E800–1EFFF)
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/;

/** True when the text has a character of a right-to-left script. */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/** A paragraph's base direction: that of its first strong character (rules P2–P3). */
export function paragraphDirection(paragraph: string): Direction {
  if (!hasRtl(paragraph)) return "ltr";
  return bidi.getEmbeddingLevels(paragraph).paragraphs[0]?.level === 1 ? "rtl" : "ltr";
}

export interface DirectedRun extends FontRun {
  rtl: boolean;
}

/**
 * One line (no line breaks inside) as runs in visual order, left to right.
 * Levels come from bidi-js for the line with its paragraph's direction;
 * characters at odd levels take their mirrored forms (unless the font
 * mirrors them itself), each level run is split by font, and the runs are
 * reordered by rule L2. An RTL run keeps its characters in logical order:
 * the shaper puts its glyphs right to left.
 */
export function visualRuns(line: string, direction: Direction, weight: Weight, han: HanForm): DirectedRun[] {
  if (!line) return [];
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  const base = direction === "rtl" ? 1 : 0;
  // L1: whitespace at the end of the line takes the paragraph's level
  for (let i = line.length - 1; i >= 0 && (line[i] === " " || line[i] === "\u3000"); i--) levels[i] = base;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);

  const runs: (DirectedRun & { level: number })[] = [];
  let start = 0;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && levels[i] === levels[start]) continue;
    const level = levels[start];
    const rtl = (level & 1) === 1;
    let offset = start;
    for (const run of splitByFont(line.slice(start, i), weight, han)) {
      let text = run.text;
      if (rtl && mirrored.size > 0 && !fontMirrors(run.font)) {
        let swapped = "";
        for (let k = 0; k < text.length; k++) swapped += mirrored.get(offset + k) ?? text[k];
        text = swapped;
      }
      runs.push({ text, font: run.font, rtl, level });
      offset += run.text.length;
    }
    start = i;
  }

  // L2: from the highest level down to the lowest odd one, reverse every
  // sequence of runs at that level or higher
  let highest = 0;
  let lowestOdd = 255;
  for (const r of runs) {
    highest = Math.max(highest, r.level);
    if (r.level & 1) lowestOdd = Math.min(lowestOdd, r.level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
      const reversed = runs.slice(i, j + 1).reverse();
      runs.splice(i, reversed.length, ...reversed);
      i = j;
    }
  }
  return runs.map(({ text, font, rtl }) => ({ text, font, rtl }));
}
