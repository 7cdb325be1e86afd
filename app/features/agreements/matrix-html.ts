/**
 * The body of the flow-down compliance matrix as an HTML string, built the
 * same way on the server and in the browser from the page's compact data.
 *
 * Why not React elements: a chain of 50 suppliers against 45 requirements is
 * 2,250 cells, and rendering them as elements was the largest single cost of
 * the agreement page (measured with `npm run bench:dashboard`). The cells
 * carry no behaviour, so a string is enough; every value that comes from
 * data passes through escapeHtml.
 */

import type { MessageId } from "#app/i18n/catalogue";
import { CATEGORY_LABEL, REQUIREMENT_STATUS_LABEL } from "#models/labels";
import type { Say } from "./say";

/**
 * The matrix's translator and the language it speaks: every word of the
 * matrix comes through `say`; `locale` keys the server's cache of built rows,
 * since one set of page data is shown to readers of every language.
 */
export interface MatrixWords {
  locale: string;
  say: Say;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values: & < > " ' escaped, so data can never become markup. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Status = keyof typeof REQUIREMENT_STATUS_LABEL;

/**
 * How the page sends a cell: one character per requirement, in the
 * agreement's order (compactCompliance writes it, this file reads it). Upper
 * case marks a reviewer's override; NO_CELL, no scored assessment or a
 * requirement it did not cover.
 */
export const CELL_CODE: Record<Status, string> = { met: "m", partially_met: "p", not_met: "n", not_answered: "a" };
export const NO_CELL = ".";

/** the class of a cell without a result (its symbol, like the others', comes from the stylesheet) */
const NO_RESULT = "x";
const CODE_STATUS: Record<string, Status> = Object.fromEntries(
  (Object.entries(CELL_CODE) as [Status, string][]).map(([status, code]) => [code, status]),
);
/** A status in words ("Not met"): what a cell holds for screen readers and copying (the symbol is CSS). */
const statusWords = (say: Say, status: Status): string => say(`labels.requirementStatus.${status}`);

export interface MatrixSupplier {
  id: string;
  name: string;
  tier: number;
  latest: { score: number; status: string } | null;
  cells: string;
  computed: Record<string, string>;
  /** positions (as in `cells`) held down by an open audit finding, with its severity */
  findingCells?: Record<number, string>;
}

/** What a cell says in words: its tooltip, set when the pointer reaches it (see cellTitle's caller). */
export function cellTitle(
  say: Say,
  requirementId: string,
  code: string,
  computed: string | undefined,
  finding?: string,
): string {
  const lower = code.toLowerCase();
  const status = CODE_STATUS[lower];
  if (!status) return say("matrix.none", { subject: requirementId });
  if (finding && computed && computed in REQUIREMENT_STATUS_LABEL)
    return say("audits.matrix.title", {
      requirement: requirementId,
      status: statusWords(say, status),
      computed: statusWords(say, computed as Status),
      severity: say(finding === "major" ? "audits.severity.major" : "audits.severity.minor"),
    });
  if (code !== lower && computed && computed in REQUIREMENT_STATUS_LABEL)
    return say("matrix.title.overridden", {
      requirement: requirementId,
      status: statusWords(say, status),
      computed: statusWords(say, computed as Status),
    });
  return say("matrix.title.status", { requirement: requirementId, status: statusWords(say, status) });
}

/**
 * A cell is its class (colour and, through the stylesheet, its symbol) and
 * its status in words, visually hidden, so a screen reader and a copy say
 * "Not met" rather than a symbol's name: with 2,000 and more cells every
 * byte counts several times over. The requirement is the column's header,
 * the supplier the row's; the tooltip is added on hover.
 */
function cellHtml(code: string, words: CellWords, finding?: string): string {
  const lower = code.toLowerCase();
  if (finding && words.finding[lower]) return words.finding[lower];
  return (code !== lower ? words.overridden[lower] : words.plain[lower]) ?? words.none;
}

/** Every cell the matrix can hold, built once per language: 2,000 cells need only a handful of messages. */
interface CellWords {
  plain: Record<string, string>;
  overridden: Record<string, string>;
  /** held down by an open audit finding: marked like an override, said as a finding */
  finding: Record<string, string>;
  none: string;
}

function cellWords(say: Say): CellWords {
  const plain: Record<string, string> = {};
  const overridden: Record<string, string> = {};
  const finding: Record<string, string> = {};
  for (const [code, status] of Object.entries(CODE_STATUS)) {
    const words = statusWords(say, status);
    plain[code] = `<td class="${code}"><i>${escapeHtml(words)}</i></td>`;
    overridden[code] =
      `<td class="${code} o"><i>${escapeHtml(say("matrix.cell.overridden", { status: words }))}</i></td>`;
    finding[code] = `<td class="${code} o f"><i>${escapeHtml(say("audits.matrix.cell", { status: words }))}</i></td>`;
  }
  const none = `<td class="${NO_RESULT}"><i>${escapeHtml(say("matrix.cell.noResult"))}</i></td>`;
  return { plain, overridden, finding, none };
}

/** The requirements of one catalogue category: a group of columns that can be collapsed into one. */
export interface MatrixGroup {
  /** the category, or OTHER_GROUP for requirements no longer in the catalogue */
  key: string;
  label: string;
  /** positions in the agreement's requirements (and so in each supplier's cells) */
  columns: number[];
}

export const OTHER_GROUP = "other";

/**
 * The agreement's requirements grouped by catalogue category: groups in the
 * order their first requirement appears in the agreement, requirements in
 * the agreement's order within each group.
 */
export function groupRequirements(say: Say, requirements: readonly { category: string | null }[]): MatrixGroup[] {
  const groups = new Map<string, MatrixGroup>();
  requirements.forEach((r, i) => {
    const key = r.category ?? OTHER_GROUP;
    let group = groups.get(key);
    if (!group) {
      const label =
        key in CATEGORY_LABEL ? say(`labels.category.${key}` as MessageId) : say("discloser.matrix.otherGroup");
      group = { key, label, columns: [] };
      groups.set(key, group);
    }
    group.columns.push(i);
  });
  return [...groups.values()];
}

/** From worst to best: what a collapsed group shows; a missing result hides a gap, so it ranks below every status but met. */
const WORST_FIRST: readonly string[] = [
  CELL_CODE.not_met,
  CELL_CODE.not_answered,
  CELL_CODE.partially_met,
  NO_RESULT,
  CELL_CODE.met,
];

export interface GroupSummary {
  /** the worst cell of the group: a cell code, or "x" when a result is missing */
  worst: string;
  total: number;
  /** per lower-case cell code (and "x"): how many of the group's cells have it */
  counts: Record<string, number>;
  overridden: number;
}

/** One supplier's results in one group of requirements, for the cell that stands in for the collapsed group. */
export function groupSummary(cells: string, columns: readonly number[]): GroupSummary {
  const counts: Record<string, number> = {};
  let overridden = 0;
  for (const i of columns) {
    const code = cells[i] ?? NO_CELL;
    const lower = code.toLowerCase();
    const key = lower in CODE_STATUS ? lower : NO_RESULT;
    counts[key] = (counts[key] ?? 0) + 1;
    if (key !== NO_RESULT && code !== lower) overridden++;
  }
  const worst = WORST_FIRST.find((code) => counts[code]) ?? NO_RESULT;
  return { worst, total: columns.length, counts, overridden };
}

/** How a collapsed group's cell counts, after "n of N met". */
const COUNTED: readonly string[] = [CELL_CODE.partially_met, CELL_CODE.not_answered, CELL_CODE.not_met, NO_RESULT];

/** A collapsed group's cell in words: "Access control: 3 of 5 met, 1 not met, 1 no result; worst: Not met; 1 overridden". */
export function groupSummaryText(say: Say, label: string, s: GroupSummary): string {
  if ((s.counts[NO_RESULT] ?? 0) === s.total) return say("matrix.none", { subject: label });
  const others = COUNTED.filter((code) => s.counts[code])
    .map((code) => say(`matrix.group.count.${code}` as MessageId, { count: s.counts[code] }))
    .join("");
  return say("matrix.group.summary", {
    group: label,
    met: s.counts[CELL_CODE.met] ?? 0,
    total: s.total,
    others,
    worst: s.worst === NO_RESULT ? say("matrix.group.worstNone") : statusWords(say, CODE_STATUS[s.worst]),
    overridden: s.overridden ? say("matrix.group.overridden", { count: s.overridden }) : "",
  });
}

/** The cell of a collapsed group: the worst result's colour and symbol, and how many of the group are met (its words say all). */
function summaryCellHtml(say: Say, group: MatrixGroup, cells: string): string {
  const s = groupSummary(cells, group.columns);
  const text = escapeHtml(groupSummaryText(say, group.label, s));
  // no results at all: the symbol says so, a "0/5" would read as five failures
  const met =
    s.counts[NO_RESULT] === s.total ? "" : `<b aria-hidden="true">${s.counts[CELL_CODE.met] ?? 0}/${s.total}</b>`;
  return `<td class="${s.worst} g${s.overridden ? " o" : ""}" title="${text}"><i>${text}</i>${met}</td>`;
}

/** A column of the matrix: one requirement, or a collapsed group standing for all of its requirements. */
export type MatrixColumn = { requirement: number } | { group: MatrixGroup };

export function matrixColumns(groups: readonly MatrixGroup[], collapsed: ReadonlySet<string>): MatrixColumn[] {
  return groups.flatMap((group): MatrixColumn[] =>
    collapsed.has(group.key) ? [{ group }] : group.columns.map((requirement) => ({ requirement })),
  );
}

// the server builds the same rows for every request until the data changes (the page data is memoised);
// only the fully expanded matrix is kept, one per language: collapsing happens in the browser, one click at a time
const built = new WeakMap<readonly MatrixSupplier[], Map<string, string>>();
const NONE_COLLAPSED: ReadonlySet<string> = new Set();

export function matrixRowsHtml(
  words: MatrixWords,
  groups: readonly MatrixGroup[],
  suppliers: readonly MatrixSupplier[],
  collapsed: ReadonlySet<string> = NONE_COLLAPSED,
): string {
  const { say, locale } = words;
  const cacheable = collapsed.size === 0;
  const cached = cacheable ? built.get(suppliers)?.get(locale) : undefined;
  if (cached !== undefined) return cached;
  const cellsIn = cellWords(say);
  let html = "";
  for (const s of suppliers) {
    const summary = s.latest
      ? say("matrix.row.score", {
          tier: s.tier,
          score: s.latest.score,
          status: say("matrix.row.status", { status: s.latest.status }),
        })
      : say("matrix.row.noScore", { tier: s.tier });
    html += `<tr data-supplier="${escapeHtml(s.name)}"><th scope="row">${escapeHtml(s.name)}<div class="muted small">${escapeHtml(summary)}</div></th>`;
    for (const group of groups) {
      if (collapsed.has(group.key)) html += summaryCellHtml(say, group, s.cells);
      else for (const i of group.columns) html += cellHtml(s.cells[i] ?? NO_CELL, cellsIn, s.findingCells?.[i]);
    }
    html += "</tr>";
  }
  if (cacheable) {
    let byLocale = built.get(suppliers);
    if (!byLocale) built.set(suppliers, (byLocale = new Map()));
    byLocale.set(locale, html);
  }
  return html;
}
