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

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values: & < > " ' escaped, so data can never become markup. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export const STATUS_TEXT = { met: "Met", partially_met: "Partly met", not_met: "Not met", not_answered: "Not answered" } as const;
type Status = keyof typeof STATUS_TEXT;

/** per cell code (one character per requirement, see compactCompliance): the symbol shown and its meaning */
const CELL: Record<string, { short: string; status: Status }> = {
  m: { short: "✓", status: "met" },
  p: { short: "½", status: "partially_met" },
  n: { short: "✗", status: "not_met" },
  a: { short: "–", status: "not_answered" },
};

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
  const was = code !== lower && computed && computed in STATUS_TEXT ? ` (overridden; computed ${STATUS_TEXT[computed as Status]})` : "";
  return `${requirementId}: ${STATUS_TEXT[c.status]}${was}`;
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
    for (let i = 0; i < requirementIds.length; i++) html += cellHtml(s.cells[i] ?? ".");
    html += "</tr>";
  }
  built.set(suppliers, html);
  return html;
}
