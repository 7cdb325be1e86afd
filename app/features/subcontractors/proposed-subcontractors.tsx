import { Form, Link, useNavigation } from "@remix-run/react";
import { ErrorList, FormError } from "#app/components/forms";
import { utcMinute } from "#app/components/time";
import { ACCESS_LABEL, CLASS_LABEL, PROPOSAL_STATUS_TEXT, PROPOSAL_STATUS_TONE } from "#models/labels";
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
  const waiting = data.proposals.filter((p) => p.status === "proposed");
  const decided = data.proposals.filter((p) => p.status !== "proposed");
  if (!showDecided && waiting.length === 0) return null;
  return (
    <section
      className="card form-section"
      aria-labelledby="proposed-subcontractors"
      data-testid="proposed-subcontractors"
    >
      <h2 id="proposed-subcontractors">Proposed subcontractors</h2>
      {data.proposals.length === 0 ? (
        <p className="empty">
          No supplier has declared a subcontractor under this agreement. Suppliers in the chain declare the companies
          they pass work to from their own pages; each one appears here for you to accept or reject.
        </p>
      ) : waiting.length === 0 ? (
        <p className="muted">Nothing awaits your decision.</p>
      ) : (
        <p className="muted">
          Declared by suppliers of the chain and not part of it yet: accept one to add it as a link under the supplier
          that declared it (the agreement gets a new revision and every result is scored again), or reject it with a
          reason the supplier will see.
        </p>
      )}
      {waiting.map((p) => (
        <WaitingProposal key={p.id} p={p} data={data} reply={reply?.proposalId === p.id ? reply : undefined} />
      ))}
      {showDecided && decided.length ? <DecidedProposals agreementId={data.agreementId} list={decided} /> : null}
    </section>
  );
}

function WaitingProposal({ p, data, reply }: { p: Proposal; data: Data; reply?: DecisionReply }) {
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
        <span className="badge info">proposed by {p.proposedBy.name}, awaiting procurement</span>
      </h3>
      <dl className="facts">
        <dt>Service</dt>
        <dd>{p.service}</dd>
        <dt>Would be</dt>
        <dd>
          {p.tier === null
            ? `no link: ${p.proposedBy.name} is no longer in the chain`
            : `tier ${p.tier}, working for ${p.proposedBy.name} (tier ${p.proposedBy.tier})`}
        </dd>
        <dt>Receives at most</dt>
        <dd>
          {CLASS_LABEL[p.maxClass]} information, {ACCESS_LABEL[p.accessLevel].toLowerCase()}
        </dd>
        <dt>Contact</dt>
        <dd>{p.contactEmail}</dd>
        {p.registrationNumber ? (
          <>
            <dt>Registration number</dt>
            <dd>{p.registrationNumber}</dd>
          </>
        ) : null}
        {p.declaredAt ? (
          <>
            <dt>Declared</dt>
            <dd>{utcMinute(p.declaredAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="grid-2">
        <Form method="post" action={action} noValidate>
          <h4>Accept</h4>
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
              <legend>Suppliers the portal knows that look like it</legend>
              {p.matches.map((m) => (
                <label key={m.id} className="check">
                  <input
                    type="radio"
                    name="match"
                    value={m.id}
                    disabled={m.unavailable !== null}
                    defaultChecked={accepting && values.match === m.id}
                  />{" "}
                  Use {m.name} ({m.country}
                  {m.registrationNumber ? `, ${m.registrationNumber}` : ""}) · same{" "}
                  {m.matchedOn === "registration" ? "registration number" : "name"}
                  {m.yours ? " · one of your suppliers" : ""}
                  {m.unavailable ? ` · ${m.unavailable}` : ""}
                </label>
              ))}
              <label className="check">
                <input
                  type="radio"
                  name="match"
                  value="new"
                  defaultChecked={(accepting && values.match === "new") || selectable.length === 0}
                />{" "}
                Create a new supplier organisation
              </label>
              <ErrorList id={`match-${p.id}-error`} errors={accepting ? errors.match : undefined} />
            </fieldset>
          ) : (
            <input type="hidden" name="match" value="new" />
          )}
          <div className="field">
            <label htmlFor={`service-${p.id}`}>Service in the chain</label>
            <input
              {...field("service", "accept")}
              maxLength={SUBCONTRACTOR_LIMITS.service}
              defaultValue={accepting ? (values.service ?? p.service) : p.service}
            />
            <ErrorList id={`service-${p.id}-error`} errors={accepting ? errors.service : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`maxClass-${p.id}`}>Highest information class</label>
            <select {...field("maxClass", "accept")} defaultValue={accepting ? values.maxClass : p.maxClass}>
              {data.classes.map((c) => (
                <option key={c} value={c}>
                  {CLASS_LABEL[c]}
                </option>
              ))}
            </select>
            <ErrorList id={`maxClass-${p.id}-error`} errors={accepting ? errors.maxClass : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`accessLevel-${p.id}`}>Access level</label>
            <select {...field("accessLevel", "accept")} defaultValue={accepting ? values.accessLevel : p.accessLevel}>
              {data.accessLevels.map((a) => (
                <option key={a} value={a}>
                  {ACCESS_LABEL[a]}
                </option>
              ))}
            </select>
            <ErrorList id={`accessLevel-${p.id}-error`} errors={accepting ? errors.accessLevel : undefined} />
          </div>
          <button type="submit" disabled={p.tier === null || navigation.state !== "idle"}>
            {busy("accept") ? "Adding it to the chain…" : `Accept as tier ${p.tier ?? "–"}`}
          </button>
        </Form>
        <Form method="post" action={action} noValidate>
          <h4>Reject</h4>
          <input type="hidden" name="intent" value="reject" />
          <input type="hidden" name="proposalId" value={p.id} />
          {reply?.intent === "reject" ? <FormError messages={errors[""]} /> : null}
          <div className="field">
            <label htmlFor={`reason-${p.id}`}>Reason (the supplier sees it)</label>
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
            {busy("reject") ? "Rejecting…" : "Reject"}
          </button>
        </Form>
      </div>
    </article>
  );
}

function DecidedProposals({ agreementId, list }: { agreementId: string; list: Proposal[] }) {
  return (
    <details>
      <summary>Decided ({list.length})</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Decided subcontractors">
        <table className="data">
          <thead>
            <tr>
              <th>Subcontractor</th>
              <th>Declared by</th>
              <th>Decision</th>
              <th>Next</th>
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
                  <span className={`badge ${PROPOSAL_STATUS_TONE[p.status]}`}>{PROPOSAL_STATUS_TEXT[p.status]}</span>
                  <div className="small">
                    {p.decidedBy ?? ""}
                    {p.decidedAt ? ` · ${utcMinute(p.decidedAt)}` : ""}
                  </div>
                  {p.status === "rejected" && p.reason ? <div className="small">Reason: {p.reason}</div> : null}
                </td>
                <td>
                  {p.supplier?.inChain ? (
                    p.supplier.assessmentId ? (
                      <Link to={`/procurement/assessments/${p.supplier.assessmentId}`}>Open its questionnaire</Link>
                    ) : (
                      <Link to={sendQuestionnaireHref(agreementId, p.supplier.id, p.contactEmail)}>
                        Send a questionnaire
                      </Link>
                    )
                  ) : p.supplier ? (
                    <span className="muted">no longer in the chain</span>
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
