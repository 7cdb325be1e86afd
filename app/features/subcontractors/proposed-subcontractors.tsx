import { Form, Link, useNavigation } from "@remix-run/react";
import { ErrorList, FormError } from "#app/components/forms";
import { useFormat, useT } from "#app/i18n/react";
import { PROPOSAL_STATUS_TONE } from "#models/labels";
import type { AgreementProposals } from "./subcontractors.server";
import { SUBCONTRACTOR_LIMITS } from "./subcontractor-limits";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
type Data = Jsonified<AgreementProposals>;
type Proposal = Data["proposals"][number];

/** What a refused accept or reject sent back: which proposal, the errors, what was typed. */
export interface DecisionReply {
  intent?: string;
  proposalId?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** The questionnaire form, filled in for the subcontractor procurement just accepted. */
export function sendQuestionnaireHref(agreementId: string, supplierOrgId: string, email: string) {
  return `/procurement/assessments/new?${new URLSearchParams({ agreementId, supplierOrgId, emails: email })}`;
}

/**
 * The subcontractors suppliers declared under an agreement: those awaiting
 * procurement (not in the chain yet) with Accept and Reject, and those
 * decided. The forms post to /procurement/agreements/$id/subcontractors.
 */
export function ProposedSubcontractors({
  data,
  reply,
  showDecided = true,
}: {
  data: Data;
  reply?: DecisionReply;
  /** the agreement page shows the decided ones on its chain tab only */
  showDecided?: boolean;
}) {
  const t = useT();
  const waiting = data.proposals.filter((p) => p.status === "proposed");
  const decided = data.proposals.filter((p) => p.status !== "proposed");
  if (!showDecided && waiting.length === 0) return null;
  return (
    <section
      className="card form-section"
      aria-labelledby="proposed-subcontractors"
      data-testid="proposed-subcontractors"
    >
      <h2 id="proposed-subcontractors">{t("subcontractors.proposed.title")}</h2>
      {data.proposals.length === 0 ? (
        <p className="empty">{t("subcontractors.proposed.empty")}</p>
      ) : waiting.length === 0 ? (
        <p className="muted">{t("subcontractors.proposed.nothingWaits")}</p>
      ) : (
        <p className="muted">{t("subcontractors.proposed.explain")}</p>
      )}
      {waiting.map((p) => (
        <WaitingProposal key={p.id} p={p} data={data} reply={reply?.proposalId === p.id ? reply : undefined} />
      ))}
      {showDecided && decided.length ? <DecidedProposals agreementId={data.agreementId} list={decided} /> : null}
    </section>
  );
}

function WaitingProposal({ p, data, reply }: { p: Proposal; data: Data; reply?: DecisionReply }) {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state !== "idle" &&
    navigation.formData?.get("proposalId") === p.id &&
    navigation.formData?.get("intent") === intent;
  const action = `/procurement/agreements/${data.agreementId}/subcontractors`;
  const errors = reply?.errors ?? {};
  const values = reply?.values ?? {};
  const accepting = reply?.intent === "accept";
  const selectable = p.matches.filter((m) => !m.unavailable);
  const field = (name: string, intent: string) => ({
    id: `${name}-${p.id}`,
    name,
    "aria-invalid": reply?.intent === intent && errors[name] ? true : undefined,
    "aria-describedby": reply?.intent === intent && errors[name] ? `${name}-${p.id}-error` : undefined,
  });
  return (
    <article className="card" data-testid={`proposal-${p.id}`} aria-labelledby={`proposal-${p.id}-name`}>
      <h3 id={`proposal-${p.id}-name`}>
        {p.name} <span className="muted">({p.countryName})</span>{" "}
        <span className="badge info">{t("subcontractors.proposed.badge", { name: p.proposedBy.name })}</span>
      </h3>
      <dl className="facts">
        <dt>{t("subcontractors.service")}</dt>
        <dd>{p.service}</dd>
        <dt>{t("subcontractors.wouldBe")}</dt>
        <dd>
          {p.tier === null
            ? t("subcontractors.noLink", { name: p.proposedBy.name })
            : t("subcontractors.wouldBeTier", {
                tier: p.tier,
                name: p.proposedBy.name,
                parentTier: p.proposedBy.tier ?? "–",
              })}
        </dd>
        <dt>{t("subcontractors.receivesAtMost")}</dt>
        <dd>{t("subcontractors.receives", { maxClass: p.maxClass, accessLevel: p.accessLevel })}</dd>
        <dt>{t("subcontractors.contact")}</dt>
        <dd>{p.contactEmail}</dd>
        {p.registrationNumber ? (
          <>
            <dt>{t("subcontractors.registrationNumber")}</dt>
            <dd>{p.registrationNumber}</dd>
          </>
        ) : null}
        {p.declaredAt ? (
          <>
            <dt>{t("subcontractors.declared")}</dt>
            <dd>{format.moment(p.declaredAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="grid-2">
        <Form method="post" action={action} noValidate>
          <h4>{t("subcontractors.accept")}</h4>
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="proposalId" value={p.id} />
          {accepting ? <FormError messages={errors[""]} /> : null}
          {p.matches.length ? (
            <fieldset
              className="checks"
              id={`match-${p.id}`}
              aria-invalid={accepting && errors.match ? true : undefined}
              aria-describedby={accepting && errors.match ? `match-${p.id}-error` : undefined}
            >
              <legend>{t("subcontractors.matches")}</legend>
              {p.matches.map((m) => (
                <label key={m.id} className="check">
                  <input
                    type="radio"
                    name="match"
                    value={m.id}
                    disabled={m.unavailable !== null}
                    defaultChecked={accepting && values.match === m.id}
                  />{" "}
                  {m.registrationNumber
                    ? t("subcontractors.matchUseRegistration", {
                        name: m.name,
                        country: m.country,
                        registrationNumber: m.registrationNumber,
                        matchedOn: m.matchedOn,
                      })
                    : t("subcontractors.matchUse", { name: m.name, country: m.country, matchedOn: m.matchedOn })}
                  {m.yours ? ` · ${t("subcontractors.matchYours")}` : ""}
                  {m.unavailable ? ` · ${t(`subcontractors.unavailable.${m.unavailable}`)}` : ""}
                </label>
              ))}
              <label className="check">
                <input
                  type="radio"
                  name="match"
                  value="new"
                  defaultChecked={(accepting && values.match === "new") || selectable.length === 0}
                />{" "}
                {t("subcontractors.createNew")}
              </label>
              <ErrorList id={`match-${p.id}-error`} errors={accepting ? errors.match : undefined} />
            </fieldset>
          ) : (
            <input type="hidden" name="match" value="new" />
          )}
          <div className="field">
            <label htmlFor={`service-${p.id}`}>{t("subcontractors.serviceInChain")}</label>
            <input
              {...field("service", "accept")}
              maxLength={SUBCONTRACTOR_LIMITS.service}
              defaultValue={accepting ? (values.service ?? p.service) : p.service}
            />
            <ErrorList id={`service-${p.id}-error`} errors={accepting ? errors.service : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`maxClass-${p.id}`}>{t("subcontractors.highestClass")}</label>
            <select {...field("maxClass", "accept")} defaultValue={accepting ? values.maxClass : p.maxClass}>
              {data.classes.map((c) => (
                <option key={c} value={c}>
                  {t(`labels.class.${c}`)}
                </option>
              ))}
            </select>
            <ErrorList id={`maxClass-${p.id}-error`} errors={accepting ? errors.maxClass : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`accessLevel-${p.id}`}>{t("subcontractors.accessLevel")}</label>
            <select {...field("accessLevel", "accept")} defaultValue={accepting ? values.accessLevel : p.accessLevel}>
              {data.accessLevels.map((a) => (
                <option key={a} value={a}>
                  {t(`labels.access.${a}`)}
                </option>
              ))}
            </select>
            <ErrorList id={`accessLevel-${p.id}-error`} errors={accepting ? errors.accessLevel : undefined} />
          </div>
          <button type="submit" disabled={p.tier === null || navigation.state !== "idle"}>
            {busy("accept") ? t("subcontractors.adding") : t("subcontractors.acceptAsTier", { tier: p.tier ?? "–" })}
          </button>
        </Form>
        <Form method="post" action={action} noValidate>
          <h4>{t("subcontractors.reject")}</h4>
          <input type="hidden" name="intent" value="reject" />
          <input type="hidden" name="proposalId" value={p.id} />
          {reply?.intent === "reject" ? <FormError messages={errors[""]} /> : null}
          <div className="field">
            <label htmlFor={`reason-${p.id}`}>{t("subcontractors.reasonLabel")}</label>
            <textarea
              {...field("reason", "reject")}
              rows={3}
              maxLength={SUBCONTRACTOR_LIMITS.reason}
              required
              defaultValue={reply?.intent === "reject" ? values.reason : ""}
            />
            <ErrorList id={`reason-${p.id}-error`} errors={reply?.intent === "reject" ? errors.reason : undefined} />
          </div>
          <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
            {busy("reject") ? t("subcontractors.rejecting") : t("subcontractors.reject")}
          </button>
        </Form>
      </div>
    </article>
  );
}

function DecidedProposals({ agreementId, list }: { agreementId: string; list: Proposal[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <details>
      <summary>{t("subcontractors.decided", { count: list.length })}</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("subcontractors.decidedRegion")}>
        <table className="data">
          <thead>
            <tr>
              <th>{t("subcontractors.subcontractor")}</th>
              <th>{t("subcontractors.declaredBy")}</th>
              <th>{t("subcontractors.decision")}</th>
              <th>{t("subcontractors.next")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id} data-testid={`proposal-${p.id}`}>
                <td>
                  {p.name} <span className="muted">({p.countryName})</span>
                  <div className="small">{p.service}</div>
                </td>
                <td>{p.proposedBy.name}</td>
                <td>
                  <span className={`badge ${PROPOSAL_STATUS_TONE[p.status]}`}>
                    {t(`labels.proposalStatus.${p.status}`)}
                  </span>
                  <div className="small">
                    {p.decidedBy ?? ""}
                    {p.decidedAt ? ` · ${format.moment(p.decidedAt)}` : ""}
                  </div>
                  {p.status === "rejected" && p.reason ? (
                    <div className="small">{t("subcontractors.reasonShown", { reason: p.reason })}</div>
                  ) : null}
                </td>
                <td>
                  {p.supplier?.inChain ? (
                    p.supplier.assessmentId ? (
                      <Link to={`/procurement/assessments/${p.supplier.assessmentId}`}>
                        {t("subcontractors.openQuestionnaire")}
                      </Link>
                    ) : (
                      <Link to={sendQuestionnaireHref(agreementId, p.supplier.id, p.contactEmail)}>
                        {t("subcontractors.sendQuestionnaire")}
                      </Link>
                    )
                  ) : p.supplier ? (
                    <span className="muted">{t("subcontractors.noLongerInChain")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
