import { ListTable } from "#app/components/list-table";
import { useMemo, useState } from "react";
import { Pager } from "#app/components/pager";
import type { AgreementPageData } from "./agreement-page.server";
import { useFormat, useLocale, useT } from "#app/i18n/react";
import { cellTitle, groupRequirements, matrixColumns, matrixRowsHtml, NO_CELL } from "./matrix-html";
import { VERDICT_TONE, linkLocationVerdict, linkNotifyVerdict } from "#reports/view";
import { HolderStateBadge } from "#app/features/destruction/register-view";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
type Tab<K extends AgreementPageData["tab"]> = Jsonified<Extract<AgreementPageData, { tab: K }>>;
type ComplianceTab = Tab<"compliance">["compliance"];
type ChainTab = Tab<"chain">["chain"];

/** What the symbols mean; the symbols themselves come from the stylesheet, the same rules as the cells'. */
const LEGEND = ["m", "p", "n", "a", "x", "o"] as const;

type Translate = ReturnType<typeof useT>;

/** The location verdict in words (reports/view's linkLocationText, in the reader's language). */
function locationText(t: Translate, link: ChainTab["links"][number]): string {
  const verdict = linkLocationVerdict(link);
  const covered = link.locationsCovered ?? [];
  if (verdict !== "ok" || covered.length === 0) return t(`discloser.chain.location.${verdict}`);
  const byMechanism = new Map<string, string[]>();
  for (const c of covered) {
    const countries = byMechanism.get(c.mechanism) ?? [];
    if (!countries.includes(c.country)) countries.push(c.country);
    byMechanism.set(c.mechanism, countries);
  }
  return [...byMechanism]
    .map(([mechanism, countries]) =>
      t("discloser.chain.location.covered", { countries: countries.join(", "), mechanism }),
    )
    .join("; ");
}

/**
 * Suppliers (rows) against the agreement's flow-down requirements (columns),
 * grouped by catalogue category; a collapsed group is one column of
 * summaries. The body is built by matrixRowsHtml; the matrix scrolls inside
 * its own focusable region, the supplier column and the headers stay put.
 */
function Matrix({ v }: { v: ComplianceTab }) {
  const t = useT();
  const locale = useLocale();
  const words = useMemo(() => ({ say: t, locale }), [t, locale]);
  const groups = useMemo(() => groupRequirements(t, v.requirements), [t, v.requirements]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const columns = useMemo(() => matrixColumns(groups, collapsed), [groups, collapsed]);
  const body = useMemo(
    () => ({ __html: matrixRowsHtml(words, groups, v.suppliers, collapsed) }),
    [words, groups, v.suppliers, collapsed],
  );
  const toggle = (key: string) =>
    setCollapsed((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  // the tooltip (requirement, result, the computed result of an override) is written when the pointer reaches a cell
  const explain = (event: React.MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest("tbody td");
    if (!(cell instanceof HTMLTableCellElement) || cell.title) return;
    const row = cell.parentElement as HTMLTableRowElement;
    const supplier = v.suppliers[row.sectionRowIndex];
    const column = columns[cell.cellIndex - 1];
    const requirement = column && "requirement" in column ? v.requirements[column.requirement] : undefined;
    if (supplier && requirement)
      cell.title = cellTitle(
        t,
        requirement.id,
        supplier.cells[(column as { requirement: number }).requirement] ?? NO_CELL,
        supplier.computed[requirement.id],
        supplier.findingCells?.[(column as { requirement: number }).requirement],
      );
  };
  const allCollapsed = collapsed.size === groups.length;
  return (
    <>
      <ul className="matrix-legend small" id="matrix-legend" aria-label={t("discloser.matrix.legend")}>
        {LEGEND.map((key) => (
          <li key={key}>
            <span className={`matrix-key ${key}`} aria-hidden="true" /> {t(`discloser.matrix.legend.${key}`)}
          </li>
        ))}
        <li>
          <span className="matrix-key g m" aria-hidden="true">
            <b>2/3</b>
          </span>{" "}
          {t("discloser.matrix.legend.group")}
        </li>
      </ul>
      <p className="matrix-tools small">
        <span className="muted">{t("discloser.matrix.hoverHint")}</span>{" "}
        <button
          type="button"
          className="link"
          onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(groups.map((g) => g.key)))}
        >
          {allCollapsed ? t("discloser.matrix.expandAll") : t("discloser.matrix.collapseAll")}
        </button>
      </p>
      {/* focusable so that a keyboard can reach and scroll it (WCAG 2.1.1): the arrow keys scroll the focused region */}
      <div
        className="matrix-scroll"
        tabIndex={0}
        role="region"
        aria-label={t("discloser.matrix.region")}
        aria-describedby="matrix-legend"
      >
        {/* eslint-disable-next-line jsx-a11y/mouse-events-have-key-events -- a tooltip only: the same facts are in the cells' words, the row and column headers */}
        <table className="data matrix" data-testid="compliance-matrix" onMouseOver={explain}>
          {/* the column groups the group headers (scope "colgroup") name */}
          <colgroup span={1} />
          {groups.map((g) => (
            <colgroup key={g.key} span={collapsed.has(g.key) ? 1 : g.columns.length} />
          ))}
          <thead>
            <tr className="matrix-groups">
              <th scope="col" rowSpan={2} className="corner">
                {t("discloser.matrix.supplier")}
              </th>
              {groups.map((g) =>
                collapsed.has(g.key) ? (
                  // folded: one narrow column, so the name runs upwards like the requirement ids beside it
                  <th key={g.key} scope="col" rowSpan={2} className="collapsed" data-group={g.key}>
                    <button type="button" aria-expanded={false} onClick={() => toggle(g.key)}>
                      <span aria-hidden="true">▸</span>
                      <span className="vertical">
                        {g.label} <span className="muted">({g.columns.length})</span>
                      </span>
                    </button>
                  </th>
                ) : (
                  <th key={g.key} scope="colgroup" colSpan={g.columns.length} data-group={g.key}>
                    <button type="button" aria-expanded={true} onClick={() => toggle(g.key)}>
                      <span aria-hidden="true">▾</span> {g.label} <span className="muted">({g.columns.length})</span>
                    </button>
                  </th>
                ),
              )}
            </tr>
            <tr className="matrix-requirements">
              {columns.map((c) => {
                // a folded group's header spans both rows
                if ("group" in c) return null;
                const r = v.requirements[c.requirement];
                return (
                  <th
                    key={r.id}
                    scope="col"
                    title={`${r.title}${r.params.length ? ` (${r.params.map((p) => `${p.label}: ${p.value}`).join("; ")})` : ""}`}
                  >
                    <span className="vertical">{r.id}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody dangerouslySetInnerHTML={body} />
        </table>
      </div>
    </>
  );
}

/** The link's return-or-destroy state under the agreement's latest milestone (nothing before one). */
function DestructionState({ v, supplierId }: { v: ChainTab; supplierId: string }) {
  const t = useT();
  const format = useFormat();
  const d = v.destruction;
  const s = d?.states[supplierId];
  if (!d || !s) return null;
  return (
    <span className="small" data-testid={`chain-destruction-${supplierId}`}>
      {t("destruction.chain.latest", {
        milestone:
          d.kind === "phase"
            ? t("destruction.milestonePhase", { phase: d.phase ?? "" })
            : t(`destruction.kind.${d.kind}`),
        date: format.day(d.effectiveDate),
      })}{" "}
      <HolderStateBadge state={s.state} overdueDays={s.overdueDays} waitingOn={[]} />
    </span>
  );
}

function ChainTree({ v, parentId }: { v: ChainTab; parentId: string | null }) {
  const t = useT();
  const links = v.links.filter((l) => l.parentSupplierId === parentId);
  if (!links.length) return null;
  return (
    <ul>
      {links.map((l) => {
        const s = v.suppliers.find((x) => x.id === l.supplierId);
        const notify = linkNotifyVerdict(l);
        const location = linkLocationVerdict(l);
        return (
          <li key={l.supplierId} data-testid={`chain-${l.supplierId}`}>
            <strong>{l.supplierName}</strong>{" "}
            <span className="badge info">{t("discloser.chain.tier", { tier: l.tier })}</span>{" "}
            <DestructionState v={v} supplierId={l.supplierId} />{" "}
            <span className={`badge ${l.ok ? "ok" : "bad"}`}>
              {l.ok ? t("discloser.chain.ok") : t("discloser.chain.fails")}
            </span>
            <div className="small">
              {t("discloser.chain.notification", {
                own:
                  s?.notifyHours != null
                    ? t("discloser.chain.hours", { hours: s.notifyHours })
                    : t("discloser.chain.notAnswered"),
                composed:
                  l.composedNotifyHours === null
                    ? t("discloser.chain.unknown")
                    : t("discloser.chain.hours", { hours: l.composedNotifyHours }),
                window: v.breachWindowHours,
              })}{" "}
              <span className={`badge ${VERDICT_TONE[notify]}`}>{t(`discloser.chain.notify.${notify}`)}</span>
            </div>
            <div className="small">
              {t("discloser.chain.locations", {
                locations: s?.locations.length
                  ? s.locations
                      .map((x) => `${x.country}${x.mechanism ? ` (${x.mechanism})` : ""}${x.acceptable ? "" : " ✗"}`)
                      .join(", ")
                  : t("discloser.chain.notAnswered"),
              })}{" "}
              <span className={`badge ${VERDICT_TONE[location]}`}>{locationText(t, l)}</span>
            </div>
            {!l.ok ? (
              <ul className="reasons small">
                {l.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : null}
            <ChainTree v={v} parentId={l.supplierId} />
          </li>
        );
      })}
    </ul>
  );
}

/** Which suppliers of the chain this page shows, and links to the others (kept on the same tab). */
function SupplierPager({ paging, label }: { paging: ComplianceTab["paging"]; label: string }) {
  const t = useT();
  return (
    <Pager page={paging.page} pages={paging.pages} label={label}>
      <span>
        {t("discloser.pager.suppliers", {
          from: paging.from,
          to: paging.to,
          total: paging.total,
          page: paging.page,
          pages: paging.pages,
        })}
      </span>
    </Pager>
  );
}

/** The compliance tab: the matrix, who is cleared for which phase, certificates about to expire. */
export function ComplianceSection({ v }: { v: ComplianceTab }) {
  const t = useT();
  const format = useFormat();
  // one look-up per cell of the phase table, not a search of every clearance
  const clearance = useMemo(
    () => new Map(v.clearances.map((c) => [`${c.phaseId}\n${c.supplierId}`, c])),
    [v.clearances],
  );
  return (
    <>
      <section className="card form-section">
        <h2>{t("discloser.compliance.title")}</h2>
        <SupplierPager paging={v.paging} label={t("discloser.pager.matrix")} />
        <Matrix v={v} />
      </section>
      <section className="card form-section">
        <h2>{t("discloser.phases.title")}</h2>
        {v.phases.length === 0 ? (
          <p className="muted">{t("discloser.phases.none")}</p>
        ) : (
          <>
            <SupplierPager paging={v.paging} label={t("discloser.pager.phases")} />
            {/* as wide as the phases are many: on a narrow screen it scrolls in its own region, focusable like the matrix */}
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t("discloser.phases.region")}>
              <table className="data" data-testid="phase-gates">
                <thead>
                  <tr>
                    <th>{t("discloser.matrix.supplier")}</th>
                    {v.phases.map((p) => (
                      <th key={p.id}>
                        {p.name}
                        <div className="muted small">
                          {p.classes.map((c) => t("discloser.phases.class", { value: c })).join(", ")}
                        </div>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {v.suppliers.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.name}</th>
                      {v.phases.map((p) => {
                        const c = clearance.get(`${p.id}\n${s.id}`);
                        return (
                          <td key={p.id} data-cleared={c?.cleared ? "yes" : "no"}>
                            <span className={`badge ${c?.cleared ? "ok" : "bad"}`}>
                              {c?.cleared ? t("discloser.phases.cleared") : t("discloser.phases.notCleared")}
                            </span>
                            {c && !c.cleared ? (
                              <details>
                                <summary className="small">{t("discloser.phases.why")}</summary>
                                <ul className="reasons small">
                                  {c.reasons.map((r, i) => (
                                    <li key={i}>{r}</li>
                                  ))}
                                </ul>
                              </details>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="card form-section">
        <h2>{t("discloser.certificates.title")}</h2>
        <ListTable
          rows={v.expiringCertificates}
          rowKey={(c) => `${c.supplier}-${c.certificateNumber}`}
          empty={t("discloser.certificates.none")}
          emptyClassName="muted"
          columns={[
            { header: t("discloser.certificates.supplier"), cell: (c) => c.supplier },
            {
              header: t("discloser.certificates.certificate"),
              cell: (c) => (
                <>
                  {c.standard} <span className="muted">{c.certificateNumber}</span>
                </>
              ),
            },
            {
              header: t("discloser.certificates.expires"),
              cell: (c) => (
                <>
                  {format.day(c.expiryDate)}{" "}
                  <span className="badge warn">{t("discloser.certificates.daysLeft", { count: c.daysLeft })}</span>
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}

/** The chain tab: each tier's status, the composed notification window and the data locations. */
export function ChainSection({ v }: { v: ChainTab }) {
  const t = useT();
  return (
    <section className="card form-section">
      <h2>{t("discloser.chain.title")}</h2>
      <p className="muted small">
        {t("discloser.chain.summary", {
          window: v.breachWindowHours,
          recipient: v.recipient,
          hours: v.recipientNotifyHours,
          jurisdictions: v.permittedJurisdictions.join(", "),
        })}
      </p>
      {v.errors.length ? <p className="form-error">{v.errors.join(" ")}</p> : null}
      <div className="tree" data-testid="compliance-chain">
        <div>
          <strong>{v.recipient}</strong> <span className="muted">{t("discloser.chain.recipient")}</span>
        </div>
        <ChainTree v={v} parentId={null} />
      </div>
    </section>
  );
}
