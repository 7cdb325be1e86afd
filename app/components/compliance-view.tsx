import type { ComplianceView as View } from "#app/utils/compliance.server";
import { REQUIREMENT_STATUS_LABEL } from "./status";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
type V = Jsonified<View>;

const CELL = {
  met: { text: "Met", short: "✓", tone: "ok" },
  partially_met: { text: "Partly met", short: "½", tone: "warn" },
  not_met: { text: "Not met", short: "✗", tone: "bad" },
  not_answered: { text: "Not answered", short: "–", tone: "none" },
} as const;

function Matrix({ v }: { v: V }) {
  return (
    <div className="matrix-wrap">
      <table className="data matrix" data-testid="compliance-matrix">
        <thead>
          <tr>
            <th>Supplier</th>
            {v.requirements.map((r) => (
              <th key={r.id} title={`${r.title}${r.params.length ? ` (${r.params.map((p) => `${p.label}: ${p.value}`).join("; ")})` : ""}`}>
                <span className="vertical">{r.id}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.suppliers.map((s) => (
            <tr key={s.id} data-supplier={s.name}>
              <th scope="row">
                {s.name}
                <div className="muted small">
                  tier {s.tier} · {s.latest ? `${s.latest.score}/100, ${s.latest.status.replace("_", " ")}` : "no score yet"}
                </div>
              </th>
              {v.requirements.map((r) => {
                const cell = s.cells[r.id];
                if (!cell) return <td key={r.id} className="cell none" title="No submitted assessment">·</td>;
                const c = CELL[cell.status];
                const label = `${r.id}: ${c.text}${cell.overridden ? ` (overridden; computed ${REQUIREMENT_STATUS_LABEL[cell.computed]})` : ""}`;
                return (
                  <td key={r.id} className={`cell ${c.tone}${cell.overridden ? " overridden" : ""}`} title={label} aria-label={label} data-status={cell.overridden ? `overridden:${cell.status}` : cell.status}>
                    {c.short}
                    {cell.overridden ? "*" : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">✓ met · ½ partly met · ✗ not met · – not answered · · no submitted assessment · * overridden by a reviewer (hover for the computed result). Hover a column for the requirement and the agreement's values.</p>
    </div>
  );
}

function ChainTree({ v, parentId }: { v: V; parentId: string | null }) {
  const links = v.chain.links.filter((l) => l.parentSupplierId === parentId);
  if (!links.length) return null;
  return (
    <ul>
      {links.map((l) => {
        const s = v.suppliers.find((x) => x.id === l.supplierId);
        return (
          <li key={l.supplierId} data-testid={`chain-${l.supplierId}`}>
            <strong>{l.supplierName}</strong> <span className="badge info">tier {l.tier}</span>{" "}
            <span className={`badge ${l.ok ? "ok" : "bad"}`}>{l.ok ? "chain OK" : "chain fails"}</span>
            <div className="small">
              Notification: {s?.notifyHours ?? "not answered"} h own; composed{" "}
              {l.composedNotifyHours === null ? "unknown" : `${l.composedNotifyHours} h`} of the agreement's {v.breachWindowHours} h{" "}
              <span className={`badge ${l.notifyOk ? "ok" : "bad"}`}>{l.notifyOk ? "within window" : "exceeds or unknown"}</span>
            </div>
            <div className="small">
              Data locations: {s?.locations.length ? s.locations.map((x) => `${x.country}${x.mechanism ? ` (${x.mechanism})` : ""}${x.acceptable ? "" : " ✗"}`).join(", ") : "not answered"}{" "}
              <span className={`badge ${l.locationOk ? "ok" : "bad"}`}>{l.locationOk ? "all permitted" : "outside permitted"}</span>
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

export function ComplianceView({ v, recipient }: { v: V; recipient: string }) {
  return (
    <>
      <section className="card form-section">
        <h2>Flow-down compliance</h2>
        <Matrix v={v} />
      </section>
      <section className="card form-section">
        <h2>Subcontractor chain</h2>
        <p className="muted small">
          Breach window {v.breachWindowHours} h from detection at any tier to the disclosing party; {recipient} itself takes {v.recipientNotifyHours} h. Permitted jurisdictions: {v.permittedJurisdictions.join(", ")}.
        </p>
        {v.chain.errors.length ? <p className="form-error">{v.chain.errors.join(" ")}</p> : null}
        <div className="tree" data-testid="compliance-chain">
          <div>
            <strong>{recipient}</strong> <span className="muted">(recipient)</span>
          </div>
          <ChainTree v={v} parentId={null} />
        </div>
      </section>
      <section className="card form-section">
        <h2>Phase clearance</h2>
        {v.phases.length === 0 ? (
          <p className="muted">This agreement has no staged phases.</p>
        ) : (
          <table className="data" data-testid="phase-gates">
            <thead>
              <tr>
                <th>Supplier</th>
                {v.phases.map((p) => (
                  <th key={p.id}>
                    {p.name}
                    <div className="muted small">{p.classes.join(", ")}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.suppliers.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  {v.phases.map((p) => {
                    const c = v.clearances.find((x) => x.phaseId === p.id && x.supplierId === s.id);
                    return (
                      <td key={p.id} data-cleared={c?.cleared ? "yes" : "no"}>
                        <span className={`badge ${c?.cleared ? "ok" : "bad"}`}>{c?.cleared ? "Cleared" : "Not cleared"}</span>
                        {c && !c.cleared ? (
                          <details>
                            <summary className="small">why</summary>
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
        )}
      </section>
      <section className="card form-section">
        <h2>Certificates expiring within 90 days</h2>
        {v.expiringCertificates.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>Supplier</th>
                <th>Certificate</th>
                <th>Expires</th>
              </tr>
            </thead>
            <tbody>
              {v.expiringCertificates.map((c) => (
                <tr key={`${c.supplier}-${c.certificateNumber}`}>
                  <td>{c.supplier}</td>
                  <td>
                    {c.standard} <span className="muted">{c.certificateNumber}</span>
                  </td>
                  <td>
                    {c.expiryDate} <span className="badge warn">{c.daysLeft} days</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
