import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { ListTable } from "#app/components/list-table";
import { ErrorList, FormError, TextareaField } from "#app/components/forms";
import { useFormat, useT } from "#app/i18n/react";
import type { MessageId } from "#app/i18n/catalogue";
import { say, t as tServer } from "#app/i18n/messages.server";
import { rootMessage as pageTitle } from "#app/i18n/meta";
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

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "review.page.metaTitle") }];

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
      .pipe(z.email("review.page.invalidEmail")),
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
          [issue.path.join(".") || "intent"]: [
            issue.path[0] === "intent" ? tServer("review.page.unknownAction") : say(issue.message),
          ],
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
      // the raw fields: the report's form also names its language
      const outcome = await reportActionFor(user, request, { kind: "assessment", id }, form);
      if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.status });
      return redirect(`/procurement/assessments/${id}?done=report&v=${outcome.version}#reports-heading`);
    }
    case "invite": {
      await inviteToAssessment(user, assessment, parsed.data.email, request);
      return redirect(`/procurement/assessments/${id}?done=invited`);
    }
  }
}

const DONE: Record<string, MessageId> = {
  revoked: "review.done.revoked",
  resent: "review.done.resent",
  invited: "review.done.invited",
  overridden: "review.done.overridden",
  remediation: "review.done.remediation",
  approved: "review.done.approved",
  reapproved: "review.done.reapproved",
  rejected: "review.done.rejected",
  report: "review.done.report",
};

export default function ProcurementAssessmentPage() {
  const t = useT();
  const format = useFormat();
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
    reuse,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const doneId = params.get("sent") ? "review.done.sent" : DONE[params.get("done") ?? ""];
  const done = doneId ? t(doneId) : null;
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
          <dt>{t("review.facts.agreement")}</dt>
          <dd>
            <a href={`/procurement/agreements/${agreement.id}`}>
              {agreement.reference}: {agreement.title}
            </a>
          </dd>
          <dt>{t("review.facts.questionnaire")}</dt>
          <dd>
            {assessment.template}{" "}
            <span className="muted">
              {t("review.facts.templateDetail", {
                templateId: assessment.templateId,
                version: assessment.templateVersion,
                catalogue: assessment.catalogueVersion,
              })}
            </span>{" "}
            <a href={`/procurement/assessments/${assessment.id}/workbook.xlsx`} download>
              {t("workbook.page.procurementLink")}
            </a>
          </dd>
          <dt>{t("review.facts.asked")}</dt>
          <dd>
            {assessment.askedQuestions === null
              ? t("review.facts.askedAll")
              : t("review.facts.askedTailored", { count: assessment.askedQuestions })}
          </dd>
          <dt>{t("review.facts.due")}</dt>
          <dd>{format.day(assessment.dueDate)}</dd>
          <dt>{t("review.facts.submitted")}</dt>
          <dd>{assessment.submittedAt ? format.moment(assessment.submittedAt) : t("review.facts.notYet")}</dd>
          {assessment.score !== null ? (
            <>
              <dt>{t("review.facts.score")}</dt>
              <dd>
                {t("review.facts.scoreValue", {
                  score: assessment.score,
                  risk: t("review.risk", { rating: assessment.rating }),
                })}
              </dd>
            </>
          ) : null}
          {reuse.counts.reused ? (
            <>
              <dt>{t("prefill.review.heading")}</dt>
              <dd
                data-testid="reuse-count"
                data-reused={reuse.counts.reused}
                data-confirmed={reuse.counts.confirmed}
                data-changed={reuse.counts.changed}
              >
                {t("prefill.review.count", reuse.counts)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {reuse.items.length ? (
        <section className="card form-section" data-testid="reuse-section">
          <details>
            <summary>
              <h2 className="inline">{t("prefill.review.heading")}</h2>
            </summary>
            <ul className="small reuse-list">
              {reuse.items.map((i) => (
                <li key={i.name} data-testid="reuse-item" data-name={i.name} data-state={i.state}>
                  <strong>{i.title}</strong>: {t("prefill.review.item", { date: format.day(i.lastConfirmedAt) })},{" "}
                  {t(`prefill.review.${i.state}`)}
                </li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}

      {reassessment ? (
        <div className="notice" data-testid="reassessment-changes">
          <p>
            {t.rich("review.reassessment.notice", {
              link: (chunks) => <a href={`/procurement/assessments/${reassessment.follows}`}>{chunks}</a>,
              reasons: reassessment.reasons.join("; "),
            })}{" "}
            {answerChanges?.length
              ? t("review.reassessment.changed", { count: answerChanges.length })
              : t("review.reassessment.unchanged")}
          </p>
          {answerChanges?.length ? (
            <ul className="small">
              {answerChanges.map((c) => (
                <li key={c.question}>
                  <strong>{c.title}</strong>: {c.now} <span className="muted">{t("review.was", { was: c.was })}</span>
                  {c.scored ? null : <span className="muted"> {t("review.reassessment.unscored")}</span>}
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
            <h2>{t("review.facts.score")}</h2>
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
              <h2>{t("review.section.remediation")}</h2>
              <ListTable
                label={t("review.section.remediation")}
                rows={remediation}
                rowKey={(r) => r.key}
                columns={[
                  { header: t("review.remediation.requirement"), cell: (r) => <code>{r.requirementId}</code> },
                  {
                    header: t("review.remediation.asked"),
                    cell: (r) => (
                      <>
                        {r.description}
                        <div className="muted small">
                          {t("review.remediation.requestedBy", {
                            name: r.requestedBy,
                            date: format.day(r.requestedAt),
                          })}
                        </div>
                      </>
                    ),
                  },
                  { header: t("review.remediation.due"), cell: (r) => format.day(r.dueDate) },
                  {
                    header: t("review.remediation.answer"),
                    cell: (r) =>
                      r.status === "open" ? (
                        <span className="badge warn">{t("review.remediation.open")}</span>
                      ) : (
                        <>
                          {r.response}
                          {r.evidence.map((e, i) => (
                            <div key={e}>
                              <a href={e}>{t("review.remediation.evidence", { n: i + 1 })}</a>
                            </div>
                          ))}
                          <div className="muted small">
                            {t("review.remediation.answeredBy", {
                              name: r.answeredBy,
                              date: format.day(r.answeredAt),
                            })}
                          </div>
                        </>
                      ),
                  },
                ]}
              />
            </section>
          ) : null}
          <section className="card form-section">
            <h2>{t("review.section.requirements")}</h2>
            <RequirementResults
              r={result}
              changed={changed}
              reused={Object.fromEntries(reuse.items.map((i) => [i.name, i]))}
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
            <h2>{t("review.section.certifications")}</h2>
            <CertificationFindings r={result} />
          </section>
        </>
      ) : (
        <p className="empty">{t("review.noScore")}</p>
      )}

      {result ? (
        <ReportVersions title={t("review.report.title")} versions={reports} canGenerate error={errors.report} />
      ) : null}

      <section className="card form-section">
        <h2>{t("review.section.invitations")}</h2>
        <ErrorList errors={errors.invitation ?? errors.invitationId ?? errors.intent} />
        {invitations.length === 0 ? <p className="muted">{t("review.invitations.none")}</p> : null}
        <ListTable
          label={t("review.section.invitations")}
          hidden={invitations.length === 0}
          rows={invitations}
          rowKey={(i) => i.id}
          columns={[
            { header: t("review.invitations.recipient"), cell: (i) => i.email },
            {
              header: t("review.invitations.state"),
              cell: (i) => (
                <span className={`badge ${i.state === "active" ? "info" : i.state === "used" ? "ok" : "none"}`}>
                  {t("review.invitations.stateValue", { state: i.state })}
                </span>
              ),
            },
            { header: t("review.invitations.sent"), cell: (i) => format.day(i.createdAt) },
            { header: t("review.invitations.expires"), cell: (i) => format.day(i.expiresAt) },
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
                      {t("review.invitations.revoke")}
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
                      {t("review.invitations.resend")}
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
            <label htmlFor="email">{t("review.invitations.inviteLabel", { supplier: supplier.name })}</label>
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
            {t("review.invitations.invite")}
          </button>
        </Form>
      </section>

      <section className="card form-section">
        <h2>{t("review.section.history")}</h2>
        <p className="small">
          <a href={`/procurement/assessments/${assessment.id}/audit`}>{t("review.history.fullAudit")}</a>
        </p>
        <ol className="history">
          {assessment.history.map((h, idx) => (
            <li key={idx}>
              <strong>{t(`labels.assessmentStatus.${h.to}`)}</strong> · {format.moment(h.at)} ·{" "}
              {h.by || t("review.history.system")}
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
  const t = useT();
  return (
    <details className="inline-form" id={requirementId}>
      <summary>{t("review.override.summary")}</summary>
      <Form method="post">
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="requirementId" value={requirementId} />
        <select name="status" defaultValue={current} aria-label={t("review.override.newResult")}>
          <option value="met">{t("labels.requirementStatus.met")}</option>
          <option value="partially_met">{t("labels.requirementStatus.partially_met")}</option>
          <option value="not_met">{t("labels.requirementStatus.not_met")}</option>
          <option value="not_answered">{t("labels.requirementStatus.not_answered")}</option>
        </select>
        <textarea
          name="justification"
          rows={3}
          placeholder={t("review.override.placeholder")}
          aria-label={t("review.override.justification")}
          maxLength={REVIEW_LIMITS.justification}
          defaultValue={typed}
          aria-invalid={errors.justification ? true : undefined}
          aria-describedby={errors.justification ? `${requirementId}-justification-error` : undefined}
        />
        <ErrorList id={`${requirementId}-justification-error`} errors={errors.justification} />
        <button type="submit" className="small" disabled={busy}>
          {t("review.override.save")}
        </button>
      </Form>
    </details>
  );
}

function DecisionForm({ errors, typed, busy }: { errors: Record<string, string[]>; typed?: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="card form-section">
      <h2>{t("review.decision.title")}</h2>
      <input type="hidden" name="intent" value="decide" />
      <TextareaField
        label={t("review.decision.comment")}
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
        {t("review.decision.approve")}
      </button>{" "}
      <button type="submit" name="decision" value="rejected" className="secondary" disabled={busy}>
        {t("review.decision.reject")}
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
  const t = useT();
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
      <h2>{t("review.remediationForm.title")}</h2>
      <input type="hidden" name="intent" value="remediate" />
      <ErrorList errors={errors.items} />
      {rows.map((row) => (
        <fieldset key={row} className="phase">
          <div className="field">
            <label htmlFor={`items.${row}.requirementId`}>{t("review.remediation.requirement")}</label>
            <select
              id={`items.${row}.requirementId`}
              name={`items.${row}.requirementId`}
              defaultValue={typed[`items.${row}.requirementId`]}
            >
              {candidates.map((c) => (
                <option key={c.requirementId} value={c.requirementId}>
                  {t("review.remediationForm.option", { id: c.requirementId, title: c.title, status: c.status })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`items.${row}.description`}>{t("review.remediationForm.description")}</label>
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
            <label htmlFor={`items.${row}.dueDate`}>{t("review.remediation.due")}</label>
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
        {t("review.remediationForm.addItem")}
      </button>{" "}
      <button type="submit" disabled={busy}>
        {t("review.remediationForm.title")}
      </button>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";

type Scoring = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["scoring"]>;

/** What the result shown was computed from, and the results before it. */
function ResultBasis({ scoring }: { scoring: Scoring }) {
  const t = useT();
  const format = useFormat();
  const current = scoring.agreementRevision === scoring.currentAgreementRevision;
  return (
    <div className="result-basis" data-testid="result-basis">
      <p className="small">
        {t("review.basis.computed", {
          computedAt: format.moment(scoring.computedAt),
          revision: scoring.agreementRevision,
          current: current ? "yes" : "no",
          currentRevision: scoring.currentAgreementRevision,
          certificates: scoring.certificates,
          evaluationDate: format.day(scoring.evaluationDate),
        })}{" "}
        {scoring.validUntil
          ? t("review.basis.holdsUntil", { validUntil: format.day(scoring.validUntil) })
          : t("review.basis.holds")}
      </p>
      {scoring.history.length > 1 ? (
        <details>
          <summary>{t("review.basis.earlier", { count: scoring.history.length - 1 })}</summary>
          <ListTable
            aria-label={t("review.basis.tableLabel")}
            rows={scoring.history}
            rowKey={(h) => h.computedAt}
            columns={[
              { header: t("review.basis.computedHeader"), cell: (h) => format.moment(h.computedAt) },
              { header: t("review.basis.why"), cell: (h) => [h.trigger, ...h.reasons].join(" ") },
              { header: t("review.basis.revision"), cell: (h) => h.agreementRevision },
              {
                header: t("review.basis.score"),
                cell: (h) =>
                  t("review.basis.scoreValue", { score: h.score, risk: t("review.risk", { rating: h.rating }) }),
              },
              {
                header: t("review.basis.changes"),
                cell: (h) => (h.changes.length ? h.changes.join(" ") : t("review.basis.nothing")),
              },
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
  const t = useT();
  const format = useFormat();
  const approved = scoring.approved!;
  return (
    <section className="card form-section needs-review" aria-labelledby="drift-heading" data-testid="approved-drift">
      <h2 id="drift-heading">{t("review.drift.heading")}</h2>
      <p>
        {t("review.drift.approvedOn", {
          date: format.day(approved.evaluationDate),
          score: approved.score,
          risk: t("review.risk", { rating: approved.rating }),
          hasRevision: approved.agreementRevision ? "yes" : "no",
          revision: approved.agreementRevision,
        })}
      </p>
      <ul>
        {scoring.drift.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="small">{t("review.drift.explain")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="reapprove" />
        <TextareaField
          label={t("review.drift.why")}
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
          {busy ? t("review.drift.saving") : t("review.drift.approve")}
        </button>
      </Form>
    </section>
  );
}
