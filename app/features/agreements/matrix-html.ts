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

import { REQUIREMENT_STATUS_LABEL } from "#models/labels";

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

/** per cell code: the symbol shown and its meaning */
const SYMBOL: Record<Status, string> = { met: "✓", partially_met: "½", not_met: "✗", not_answered: "–" };
const CELL: Record<string, { short: string; status: Status }> = Object.fromEntries(
  (Object.entries(CELL_CODE) as [Status, string][]).map(([status, code]) => [code, { short: SYMBOL[status], status }]),
);

export interface MatrixSupplier {
  id: string;
  name: string;
  tier: number;
  latest: { score: number; status: string } | null;
  cells: string;
  computed: Record<string, string>;
}

/** What a cell says in words: its tooltip, set when the pointer reaches it (see cellTitle's caller). */
export function cellTitle(requirementId: string, code: string, computed: string | undefined): string {
  const lower = code.toLowerCase();
  const c = CELL[lower];
  if (!c) return `${requirementId}: no submitted assessment`;
  const was =
    code !== lower && computed && computed in REQUIREMENT_STATUS_LABEL
      ? ` (overridden; computed ${REQUIREMENT_STATUS_LABEL[computed as Status]})`
      : "";
  return `${requirementId}: ${REQUIREMENT_STATUS_LABEL[c.status]}${was}`;
}

/**
 * A cell is its class (colour) and its symbol, nothing more: with 2,000 and
 * more cells every byte counts several times over. The requirement is the
 * column's header, the supplier the row's; the tooltip is added on hover.
 */
function cellHtml(code: string): string {
  const lower = code.toLowerCase();
  const c = CELL[lower];
  if (!c) return `<td class="x">·</td>`;
  return code !== lower ? `<td class="${lower} o">${c.short}*</td>` : `<td class="${lower}">${c.short}</td>`;
}

// the server builds the same rows for every request until the data changes (the page data is memoised)
const built = new WeakMap<readonly MatrixSupplier[], string>();

export function matrixRowsHtml(requirementIds: readonly string[], suppliers: readonly MatrixSupplier[]): string {
  const cached = built.get(suppliers);
  if (cached !== undefined) return cached;
  let html = "";
  for (const s of suppliers) {
    const summary = s.latest ? `${s.latest.score}/100, ${s.latest.status.replace("_", " ")}` : "no score yet";
    html += `<tr data-supplier="${escapeHtml(s.name)}"><th scope="row">${escapeHtml(s.name)}<div class="muted small">tier ${escapeHtml(s.tier)} · ${escapeHtml(summary)}</div></th>`;
    for (let i = 0; i < requirementIds.length; i++) html += cellHtml(s.cells[i] ?? NO_CELL);
    html += "</tr>";
  }
  built.set(suppliers, html);
  return html;
}
