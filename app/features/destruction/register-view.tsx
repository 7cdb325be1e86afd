import { Link } from "@remix-run/react";
import { useFormat, useT } from "#app/i18n/react";
import type { HolderState } from "#app/features/lifecycle/register";
import type { MilestoneView } from "./register.server";

const TONE: Record<HolderState, string> = {
  complete: "ok",
  "waiting-on-subcontractors": "warn",
  open: "info",
  overdue: "bad",
};

/** A holder's state in words: complete, waiting on whom, open, or overdue by how much. */
export function HolderStateBadge({
  state,
  overdueDays,
  waitingOn,
}: {
  state: HolderState;
  overdueDays: number;
  waitingOn: readonly string[];
}) {
  const t = useT();
  const text =
    state === "overdue"
      ? t("destruction.state.overdue", { days: overdueDays })
      : state === "waiting-on-subcontractors"
        ? t("destruction.state.waiting", { names: waitingOn.join(", ") })
        : t(`destruction.state.${state}`);
  return (
    <span className={`badge ${TONE[state]}`} data-state={state}>
      {text}
    </span>
  );
}

/** The lifecycle tab's milestones, newest first, each with the destruction register of its holders. */
export function MilestonesSection({
  milestones,
  role,
  agreementId,
}: {
  milestones: MilestoneView[];
  role: "procurement" | "discloser";
  agreementId: string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card form-section" aria-labelledby="destruction-heading" data-testid="destruction-register">
      <div className="page-head">
        <h2 id="destruction-heading">{t("destruction.heading")}</h2>
        {role === "procurement" ? (
          <Link className="button secondary" to={`/procurement/agreements/${agreementId}/milestones`}>
            {t("destruction.register.record")}
          </Link>
        ) : null}
      </div>
      {milestones.length === 0 ? <p className="empty">{t("destruction.register.none")}</p> : null}
      {milestones.map((m) => (
        <article key={m.id} className="destruction-milestone" data-testid={`milestone-${m.kind}`}>
          <h3>
            {m.kind === "phase"
              ? t("destruction.milestonePhase", { phase: m.phase ?? "" })
              : t(`destruction.kind.${m.kind}`)}
          </h3>
          <p className="small">
            {t("destruction.register.facts", {
              date: format.day(m.effectiveDate),
              due: format.day(m.dueDate),
              certificate: m.certificateRequired ? "yes" : "no",
              by: m.recordedByName,
            })}
          </p>
          <p data-testid="destruction-summary">
            {t("destruction.register.summary", {
              complete: m.summary.complete,
              holders: m.summary.holders,
              overdue: m.summary.overdue,
            })}
          </p>
          {m.holders.length === 0 ? (
            <p className="empty">{t("destruction.register.noHolders")}</p>
          ) : (
            <div className="table-scroll" role="region" tabIndex={0} aria-label={t("destruction.register.tableLabel")}>
              <table className="data destruction-table">
                <thead>
                  <tr>
                    <th scope="col">{t("destruction.col.holder")}</th>
                    <th scope="col">{t("destruction.col.tier")}</th>
                    <th scope="col">{t("destruction.col.state")}</th>
                    <th scope="col">{t("destruction.col.certified")}</th>
                    <th scope="col">{t("destruction.col.entries")}</th>
                    <th scope="col">{t("destruction.col.certificate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.holders.map((h) => (
                    <tr key={h.supplierId} data-testid={`holder-${h.supplierId}`}>
                      <th scope="row">
                        <span className="destruction-holder" style={{ paddingInlineStart: `${h.depth * 1.25}rem` }}>
                          {h.name}
                        </span>
                      </th>
                      <td>{h.tier}</td>
                      <td>
                        <HolderStateBadge state={h.state} overdueDays={h.overdueDays} waitingOn={h.waitingOn} />
                      </td>
                      <td>
                        {h.certifiedOn ? format.day(h.certifiedOn) : "-"}
                        {h.signer ? (
                          <div className="muted small">
                            {t("destruction.signedBy", {
                              name: h.signer.name,
                              title: h.signer.title,
                              date: format.day(h.signer.signedOn),
                            })}
                          </div>
                        ) : null}
                      </td>
                      <td>
                        {h.entries.length ? (
                          <ul className="plain">
                            {h.entries.map((e) => (
                              <li key={e.infoClass}>
                                {t("destruction.entry", {
                                  class: t(`labels.class.${e.infoClass as "internal"}`),
                                  disposition: t(`destruction.disposition.${e.disposition as "returned"}`),
                                  method: e.method,
                                  standard: e.standard || "-",
                                  date: format.day(e.completedOn),
                                })}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          "-"
                        )}
                      </td>
                      <td>
                        {h.certificate ? (
                          <a href={h.certificate.href}>{h.certificate.name || t("destruction.register.certificate")}</a>
                        ) : h.certificateMissing ? (
                          t("destruction.register.certificateMissing")
                        ) : (
                          "-"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
