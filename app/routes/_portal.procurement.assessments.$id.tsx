import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { utcMinute } from "#app/components/time";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { ListTable } from "#app/components/list-table";
import { ErrorList, FormError, TextareaField } from "#app/components/forms";
import { useT } from "#app/i18n/react";
import { AssessmentStatusBadge } from "#app/components/status";
import { getAssessmentFor, resendInvitation } from "#app/features/assessments/assessments.server";
import { requireUser } from "#app/features/accounts/auth.server";
import { notFound } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { ReportVersions } from "#app/features/reports/report-versions";
import { reportActionFor } from "#app/features/reports/report-actions.server";
import {
  CertificationFindings,
  RequirementResults,
  ScoreSummary,
  type ResultView,
} from "#app/features/review/assessment-results";
import {
  inviteToAssessment,
  reviewPage,
  revokeAssessmentInvitation,
} from "#app/features/review/assessment-page.server";
import { fieldErrors } from "#app/lib/forms.server";
import { EMAIL_MAX, tooLong } from "#app/lib/text-limits";
import { REVIEW_LIMITS } from "#app/features/review/review-limits";
import {
  approveCurrentResult,
  ReapprovalSchema,
  decide,
  DecisionSchema,
  overrideRequirement,
  OverrideSchema,
  requestRemediation,
  RemediationSchema,
} from "#app/features/review/review.server";

export const meta: MetaFunction = () => [{ title: "Assessment · Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  return reviewPage(assessment);
}

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), invitationId: z.string().regex(/^[0-9a-f]{24}$/) }),
  z.object({ intent: z.literal("resend"), invitationId: z.string().regex(/^[0-9a-f]{24}$/) }),
  z.object({
    intent: z.literal("invite"),
    email: z
      .string()
      .trim()
      .max(EMAIL_MAX, tooLong("The e-mail address", EMAIL_MAX))
      .pipe(z.email("Enter a valid e-mail address")),
  }),
  z.object({ intent: z.literal("override"), requirementId: z.string(), status: z.string(), justification: z.string() }),
  z.object({ intent: z.literal("remediate") }).passthrough(),
  z.object({ intent: z.literal("decide"), decision: z.string(), comment: z.string() }),
  z.object({ intent: z.literal("report") }),
  z.object({ intent: z.literal("reapprove"), comment: z.string() }),
]);

type ActionErrors = Record<string, string[]>;

/** A refused form: its errors, and what was typed in it so the form shows it again (nothing lost). */
function refused(errors: ActionErrors, form: Record<string, FormDataEntryValue>, status = 400) {
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  return data({ errors, values }, { status });
}

/** Remediation rows arrive as items.<n>.requirementId / description / dueDate. */
function remediationItems(form: Record<string, FormDataEntryValue>) {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(form)) {
    const m = /^items\.(\d{1,2})\.(requirementId|description|dueDate)$/.exec(key);
    if (m && typeof value === "string") rows.set(Number(m[1]), { ...(rows.get(Number(m[1])) ?? {}), [m[2]]: value });
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, v]) => v)
    .filter((v) => v.requirementId || v.description);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  const form = Object.fromEntries(await request.formData());
  const parsed = IntentSchema.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return data(
      {
        errors: {
          [issue.path.join(".") || "intent"]: [issue.path[0] === "intent" ? "Unknown action" : issue.message],
        } as Record<string, string[]>,
      },
      { status: 400 },
    );
  }
  const id = String(assessment._id);
  switch (parsed.data.intent) {
    case "revoke": {
      try {
        await revokeAssessmentInvitation(user, id, parsed.data.invitationId, request);
      } catch (error) {
        return refusalResponse(error);
      }
      return redirect(`/procurement/assessments/${id}?done=revoked`);
    }
    case "resend": {
      const ok = await resendInvitation(user, request, parsed.data.invitationId);
      if (!ok) notFound();
      return redirect(`/procurement/assessments/${id}?done=resent`);
    }
    case "override": {
      const input = OverrideSchema.safeParse(parsed.data);
      // every requirement row has its own override form: say which one the errors belong to
      if (!input.success)
        return data(
          { errors: fieldErrors(input.error), requirementId: parsed.data.requirementId, values: { ...parsed.data } },
          { status: 400 },
        );
      try {
        await overrideRequirement(user, id, input.data, request);
      } catch (error) {
        return refusalResponse(error);
      }
      return redirect(`/procurement/assessments/${id}?done=overridden#${input.data.requirementId}`);
    }
    case "remediate": {
      const input = RemediationSchema.safeParse({ items: remediationItems(form) });
      if (!input.success) return refused(fieldErrors(input.error), form);
      try {
        await requestRemediation(user, id, input.data, request);
      } catch (error) {
        return refusalResponse(error);
      }
      return redirect(`/procurement/assessments/${id}?done=remediation`);
    }
    case "decide": {
      const input = DecisionSchema.safeParse(parsed.data);
      if (!input.success) return refused(fieldErrors(input.error), form);
      try {
        await decide(user, id, input.data, request);
      } catch (error) {
        return refusalResponse(error);
      }
      return redirect(`/procurement/assessments/${id}?done=${input.data.decision}`);
    }
    case "reapprove": {
      const input = ReapprovalSchema.safeParse(parsed.data);
      if (!input.success) return refused(fieldErrors(input.error), form);
      try {
        await approveCurrentResult(user, id, input.data, request);
      } catch (error) {
        return refusalResponse(error);
      }
      return redirect(`/procurement/assessments/${id}?done=reapproved`);
    }
    case "report": {
      const outcome = await reportActionFor(user, request, { kind: "assessment", id }, parsed.data);
      if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.status });
      return redirect(`/procurement/assessments/${id}?done=report&v=${outcome.version}#reports-heading`);
    }
    case "invite": {
      await inviteToAssessment(user, assessment, parsed.data.email, request);
      return redirect(`/procurement/assessments/${id}?done=invited`);
    }
  }
}

const DONE: Record<string, string> = {
  revoked: "Invitation revoked.",
  resent: "A new invitation was sent; the old link no longer works.",
  invited: "Invitation sent.",
  overridden: "Result overridden; the score was recomputed.",
  remediation: "Remediation requested; the supplier was told.",
  approved: "Assessment approved.",
  reapproved: "The current result is now the approved one.",
  rejected: "Assessment rejected.",
  report: "Report generated and stored.",
};

export default function ProcurementAssessmentPage() {
  const t = useT();
  const {
    assessment,
    supplier,
    agreement,
    invitations,
    result,
    remediation,
    reports,
    changed,
    answerChanges,
    reassessment,
    remediationDueDate,
    scoring,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const done = params.get("sent") ? "Questionnaire sent." : DONE[params.get("done") ?? ""];
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const overrideErrorsFor = actionData && "requirementId" in actionData ? actionData.requirementId : null;
  // what a refused form had typed, to show again
  const typed = ((actionData && "values" in actionData ? actionData.values : null) ?? {}) as Record<string, string>;
  return (
    <>
      {done ? <p className="flash">{done}</p> : null}
      <div className="page-head">
        <h1>{supplier.name}</h1>
        <AssessmentStatusBadge status={assessment.status} />
      </div>
      <section className="card form-section">
        <dl className="facts">
          <dt>Agreement</dt>
          <dd>
            <a href={`/procurement/agreements/${agreement.id}`}>
              {agreement.reference}: {agreement.title}
            </a>
          </dd>
          <dt>Questionnaire</dt>
          <dd>
            {assessment.template}{" "}
            <span className="muted">
              ({assessment.templateId}, version {assessment.templateVersion}; catalogue {assessment.catalogueVersion})
            </span>
          </dd>
          <dt>Asked</dt>
          <dd>
            {assessment.askedQuestions === null
              ? "Every question of the questionnaire"
              : `${assessment.askedQuestions} questions, tailored to the agreement's requirements when it was sent`}
          </dd>
          <dt>Due</dt>
          <dd>{assessment.dueDate}</dd>
          <dt>Submitted</dt>
          <dd>{assessment.submittedAt ? utcMinute(assessment.submittedAt) : "not yet"}</dd>
          {assessment.score !== null ? (
            <>
              <dt>Score</dt>
              <dd>
                {assessment.score} / 100, {assessment.rating} risk
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {reassessment ? (
        <div className="notice" data-testid="reassessment-changes">
          <p>
            Re-assessment following the{" "}
            <a href={`/procurement/assessments/${reassessment.follows}`}>approved assessment</a>, pre-filled with its
            answers. Why: {reassessment.reasons.join("; ")}.{" "}
            {answerChanges?.length
              ? `${answerChanges.length} answer${answerChanges.length === 1 ? "" : "s"} changed since:`
              : "No answer has changed since."}
          </p>
          {answerChanges?.length ? (
            <ul className="small">
              {answerChanges.map((c) => (
                <li key={c.question}>
                  <strong>{c.title}</strong>: {c.now} <span className="muted">(was: {c.was})</span>
                  {c.scored ? null : <span className="muted"> — no requirement scores this question</span>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <FormError messages={errors[""]} />

      {result ? (
        <>
          <section className="card form-section">
            <h2>Score</h2>
            <ScoreSummary r={result} />
            {scoring ? <ResultBasis scoring={scoring} /> : null}
          </section>
          {scoring?.approved && scoring.drift.length ? (
            <ApprovedDrift
              scoring={scoring}
              errors={errors}
              typed={typed.intent === "reapprove" ? typed.comment : undefined}
              busy={navigation.state !== "idle"}
            />
          ) : null}
          {assessment.decidable || assessment.canRequestRemediation ? (
            <section className="actions-grid">
              {assessment.decidable ? (
                <DecisionForm
                  errors={errors}
                  typed={typed.intent === "decide" ? typed.comment : undefined}
                  busy={navigation.state !== "idle"}
                />
              ) : null}
              {assessment.canRequestRemediation ? (
                <RemediationForm
                  result={result}
                  due={remediationDueDate}
                  errors={errors}
                  typed={typed.intent === "remediate" ? typed : {}}
                  busy={navigation.state !== "idle"}
                />
              ) : null}
            </section>
          ) : null}
          {remediation.length ? (
            <section className="card form-section">
              <h2>Remediation</h2>
              <ListTable
                label="Remediation"
                rows={remediation}
                rowKey={(r) => r.key}
                columns={[
                  { header: "Requirement", cell: (r) => <code>{r.requirementId}</code> },
                  {
                    header: "Asked",
                    cell: (r) => (
                      <>
                        {r.description}
                        <div className="muted small">
                          by {r.requestedBy} on {r.requestedAt.slice(0, 10)}
                        </div>
                      </>
                    ),
                  },
                  { header: "Due", cell: (r) => r.dueDate },
                  {
                    header: "Supplier's answer",
                    cell: (r) =>
                      r.status === "open" ? (
                        <span className="badge warn">open</span>
                      ) : (
                        <>
                          {r.response}
                          {r.evidence.map((e, i) => (
                            <div key={e}>
                              <a href={e}>evidence {i + 1}</a>
                            </div>
                          ))}
                          <div className="muted small">
                            {r.answeredBy} on {r.answeredAt?.slice(0, 10)}
                          </div>
                        </>
                      ),
                  },
                ]}
              />
            </section>
          ) : null}
          <section className="card form-section">
            <h2>Requirements</h2>
            <RequirementResults
              r={result}
              changed={changed}
              renderOverride={
                assessment.reviewable
                  ? (req) => (
                      <OverrideForm
                        requirementId={req.requirementId}
                        current={req.status}
                        errors={overrideErrorsFor === req.requirementId ? errors : {}}
                        typed={overrideErrorsFor === req.requirementId ? typed.justification : undefined}
                        busy={navigation.state !== "idle"}
                      />
                    )
                  : undefined
              }
            />
          </section>
          <section className="card form-section">
            <h2>Certifications</h2>
            <CertificationFindings r={result} />
          </section>
        </>
      ) : (
        <p className="empty">The supplier has not submitted yet, so there is no score to review.</p>
      )}

      {result ? (
        <ReportVersions title="Assessment report" versions={reports} canGenerate error={errors.report} />
      ) : null}

      <section className="card form-section">
        <h2>Invitations</h2>
        <ErrorList errors={errors.invitation ?? errors.invitationId ?? errors.intent} />
        {invitations.length === 0 ? (
          <p className="muted">No invitation link has been sent for this assessment yet.</p>
        ) : null}
        <ListTable
          label="Invitations"
          hidden={invitations.length === 0}
          rows={invitations}
          rowKey={(i) => i.id}
          columns={[
            { header: "Recipient", cell: (i) => i.email },
            {
              header: "State",
              cell: (i) => (
                <span className={`badge ${i.state === "active" ? "info" : i.state === "used" ? "ok" : "none"}`}>
                  {i.state}
                </span>
              ),
            },
            { header: "Sent", cell: (i) => i.createdAt.slice(0, 10) },
            { header: "Expires", cell: (i) => i.expiresAt.slice(0, 10) },
            {
              header: null,
              cell: (i) => (
                <Form method="post" style={{ display: "inline" }}>
                  <input type="hidden" name="invitationId" value={i.id} />
                  {i.state === "active" ? (
                    <button
                      type="submit"
                      name="intent"
                      value="revoke"
                      className="secondary small"
                      disabled={navigation.state !== "idle"}
                    >
                      Revoke
                    </button>
                  ) : null}{" "}
                  {i.state !== "used" ? (
                    <button
                      type="submit"
                      name="intent"
                      value="resend"
                      className="secondary small"
                      disabled={navigation.state !== "idle"}
                    >
                      Send a new link
                    </button>
                  ) : null}
                </Form>
              ),
            },
          ]}
        />
        <Form method="post" className="row-invite">
          <input type="hidden" name="intent" value="invite" />
          <div className="field">
            <label htmlFor="email">Invite another person at {supplier.name}</label>
            <input
              id="email"
              name="email"
              type="email"
              maxLength={EMAIL_MAX}
              aria-invalid={errors.email ? true : undefined}
            />
            <ErrorList errors={errors.email} />
          </div>
          <button type="submit" disabled={navigation.state !== "idle"}>
            Invite
          </button>
        </Form>
      </section>

      <section className="card form-section">
        <h2>History</h2>
        <p className="small">
          <a href={`/procurement/assessments/${assessment.id}/audit`}>Full audit trail</a>
        </p>
        <ol className="history">
          {assessment.history.map((h, idx) => (
            <li key={idx}>
              <strong>{t(`labels.assessmentStatus.${h.to}`)}</strong> · {utcMinute(h.at)} · {h.by || "system"}
              {h.comment ? <div className="muted">{h.comment}</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function OverrideForm({
  requirementId,
  current,
  errors,
  typed,
  busy,
}: {
  requirementId: string;
  current: string;
  errors: Record<string, string[]>;
  typed?: string;
  busy: boolean;
}) {
  return (
    <details className="inline-form" id={requirementId}>
      <summary>Override</summary>
      <Form method="post">
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="requirementId" value={requirementId} />
        <select name="status" defaultValue={current} aria-label="New result">
          <option value="met">Met</option>
          <option value="partially_met">Partly met</option>
          <option value="not_met">Not met</option>
          <option value="not_answered">Not answered</option>
        </select>
        <textarea
          name="justification"
          rows={3}
          placeholder="Justification (required, shown wherever this result appears)"
          aria-label="Justification"
          maxLength={REVIEW_LIMITS.justification}
          defaultValue={typed}
          aria-invalid={errors.justification ? true : undefined}
          aria-describedby={errors.justification ? `${requirementId}-justification-error` : undefined}
        />
        <ErrorList id={`${requirementId}-justification-error`} errors={errors.justification} />
        <button type="submit" className="small" disabled={busy}>
          Save override
        </button>
      </Form>
    </details>
  );
}

function DecisionForm({ errors, typed, busy }: { errors: Record<string, string[]>; typed?: string; busy: boolean }) {
  return (
    <Form method="post" className="card form-section">
      <h2>Decision</h2>
      <input type="hidden" name="intent" value="decide" />
      <TextareaField
        label="Comment (required to reject)"
        errors={errors.comment}
        textareaProps={{
          id: "comment",
          name: "comment",
          rows: 3,
          maxLength: REVIEW_LIMITS.comment,
          defaultValue: typed,
        }}
      />
      <button type="submit" name="decision" value="approved" disabled={busy}>
        Approve
      </button>{" "}
      <button type="submit" name="decision" value="rejected" className="secondary" disabled={busy}>
        Reject
      </button>
    </Form>
  );
}

function RemediationForm({
  result,
  due,
  errors,
  typed,
  busy,
}: {
  result: ResultView;
  due: string;
  errors: Record<string, string[]>;
  typed: Record<string, string>;
  busy: boolean;
}) {
  // the rows a refused request had, so what was typed comes back in them
  const typedRows = [
    ...new Set(
      Object.keys(typed).flatMap((k) => {
        const m = /^items\.(\d{1,2})\./.exec(k);
        return m ? [Number(m[1])] : [];
      }),
    ),
  ].sort((a, b) => a - b);
  const [rows, setRows] = useState(typedRows.length ? typedRows : [0]);
  const candidates = [...result.requirements].sort((a, b) => Number(a.status === "met") - Number(b.status === "met"));
  return (
    <Form method="post" className="card form-section">
      <h2>Request remediation</h2>
      <input type="hidden" name="intent" value="remediate" />
      <ErrorList errors={errors.items} />
      {rows.map((row) => (
        <fieldset key={row} className="phase">
          <div className="field">
            <label htmlFor={`items.${row}.requirementId`}>Requirement</label>
            <select
              id={`items.${row}.requirementId`}
              name={`items.${row}.requirementId`}
              defaultValue={typed[`items.${row}.requirementId`]}
            >
              {candidates.map((c) => (
                <option key={c.requirementId} value={c.requirementId}>
                  {c.requirementId} {c.title} ({c.status.replace("_", " ")})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`items.${row}.description`}>What the supplier must do</label>
            <textarea
              id={`items.${row}.description`}
              name={`items.${row}.description`}
              rows={2}
              maxLength={REVIEW_LIMITS.remediationDescription}
              defaultValue={typed[`items.${row}.description`]}
            />
            <ErrorList errors={errors[`items.${row}.description`]} />
          </div>
          <div className="field">
            <label htmlFor={`items.${row}.dueDate`}>Due</label>
            <input
              id={`items.${row}.dueDate`}
              name={`items.${row}.dueDate`}
              type="date"
              defaultValue={typed[`items.${row}.dueDate`] ?? due}
            />
            <ErrorList errors={errors[`items.${row}.dueDate`]} />
          </div>
        </fieldset>
      ))}
      <button type="button" className="secondary small" onClick={() => setRows((r) => [...r, Math.max(...r) + 1])}>
        Add another item
      </button>{" "}
      <button type="submit" disabled={busy}>
        Request remediation
      </button>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";

type Scoring = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["scoring"]>;

/** What the result shown was computed from, and the results before it. */
function ResultBasis({ scoring }: { scoring: Scoring }) {
  const current = scoring.agreementRevision === scoring.currentAgreementRevision;
  return (
    <div className="result-basis" data-testid="result-basis">
      <p className="small">
        Computed {utcMinute(scoring.computedAt)} against revision {scoring.agreementRevision} of the agreement
        {current
          ? " (the current one)"
          : ` (the agreement is now at revision ${scoring.currentAgreementRevision})`},{" "}
        {scoring.certificates === 1 ? "1 certificate" : `${scoring.certificates} certificates`} on file, as of{" "}
        {scoring.evaluationDate}.
        {scoring.validUntil
          ? ` It holds until ${scoring.validUntil}, when a certificate's or the agreement's date passes, unless the terms or the certificates change first.`
          : " It holds until the terms or the certificates change."}
      </p>
      {scoring.history.length > 1 ? (
        <details>
          <summary>Earlier results ({scoring.history.length - 1})</summary>
          <ListTable
            aria-label="Results of this assessment, newest first"
            rows={scoring.history}
            rowKey={(h) => h.computedAt}
            columns={[
              { header: "Computed", cell: (h) => utcMinute(h.computedAt) },
              { header: "Why", cell: (h) => [h.trigger, ...h.reasons].join(" ") },
              { header: "Agreement revision", cell: (h) => h.agreementRevision },
              { header: "Score", cell: (h) => `${h.score}, ${h.rating} risk` },
              { header: "What changed", cell: (h) => (h.changes.length ? h.changes.join(" ") : "Nothing") },
            ]}
          />
        </details>
      ) : null}
    </div>
  );
}

/** An approved assessment whose current result differs from the one approved. */
function ApprovedDrift({
  scoring,
  errors,
  typed,
  busy,
}: {
  scoring: Scoring;
  errors: Record<string, string[]>;
  typed?: string;
  busy: boolean;
}) {
  const approved = scoring.approved!;
  return (
    <section className="card form-section needs-review" aria-labelledby="drift-heading" data-testid="approved-drift">
      <h2 id="drift-heading">Needs review: the current result differs from the one approved</h2>
      <p>
        Approved on a result of {approved.evaluationDate} ({approved.score} / 100, {approved.rating} risk
        {approved.agreementRevision ? `, agreement revision ${approved.agreementRevision}` : ""}). Since then:
      </p>
      <ul>
        {scoring.drift.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="small">
        The disclosing party and the phase gates see the current result. Request remediation below, or approve the
        current result.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="reapprove" />
        <TextareaField
          label="Why the current result is acceptable (required)"
          errors={errors.comment}
          textareaProps={{
            id: "reapprove-comment",
            name: "comment",
            rows: 3,
            maxLength: REVIEW_LIMITS.comment,
            defaultValue: typed,
          }}
        />
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Approve the current result"}
        </button>
      </Form>
    </section>
  );
}
