import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ErrorList } from "#app/components/forms";
import { ASSESSMENT_STATUS_LABEL, AssessmentStatusBadge } from "#app/components/status";
import { actorOf, getAssessmentFor, inviteRecipient, resendInvitation } from "#app/utils/assessments.server";
import { requireUser } from "#app/utils/auth.server";
import { clientIp, notFound } from "#app/utils/http.server";
import { Agreement } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { Invitation, revokeInvitation } from "#models/invitation.server";
import { Organization } from "#models/organization.server";
import { getTemplate } from "#questionnaires/loader";

export const meta: MetaFunction = () => [{ title: "Assessment · Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  const [supplier, agreement, invitations] = await Promise.all([
    Organization.findById(assessment.supplierOrgId, { name: 1, country: 1 }).lean(),
    Agreement.findById(assessment.agreementId, { reference: 1, title: 1 }).lean(),
    Invitation.find({ assessmentId: assessment._id }).sort({ createdAt: -1 }).lean(),
  ]);
  const now = new Date();
  return {
    assessment: {
      id: String(assessment._id),
      status: assessment.status,
      dueDate: assessment.dueDate,
      template: getTemplate(assessment.templateId)?.title ?? assessment.templateId,
      templateVersion: assessment.templateVersion,
      catalogueVersion: assessment.catalogueVersion,
      submittedAt: assessment.submittedAt ? new Date(assessment.submittedAt).toISOString() : null,
      score: assessment.result?.score ?? null,
      rating: assessment.result?.rating ?? null,
      history: assessment.history.map((h) => ({ to: h.to, at: new Date(h.at).toISOString(), by: h.byName, comment: h.comment })),
    },
    supplier: { name: supplier?.name ?? "", country: supplier?.country ?? "" },
    agreement: { id: String(agreement?._id ?? ""), reference: agreement?.reference ?? "", title: agreement?.title ?? "" },
    invitations: invitations.map((i) => ({
      id: String(i._id),
      email: i.email,
      state: i.status === "active" && i.expiresAt <= now ? "expired" : i.status,
      expiresAt: new Date(i.expiresAt).toISOString(),
      createdAt: i.createdAt ? new Date(i.createdAt).toISOString() : "",
    })),
  };
}

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), invitationId: z.string().regex(/^[0-9a-f]{24}$/) }),
  z.object({ intent: z.literal("resend"), invitationId: z.string().regex(/^[0-9a-f]{24}$/) }),
  z.object({ intent: z.literal("invite"), email: z.email("Enter a valid e-mail address").max(254) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const assessment = await getAssessmentFor(user, params.id ?? "");
  if (!assessment) notFound();
  const parsed = IntentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return data({ errors: { [issue.path.join(".") || "intent"]: [issue.path[0] === "intent" ? "Unknown action" : issue.message] } as Record<string, string[]> }, { status: 400 });
  }
  const id = String(assessment._id);
  switch (parsed.data.intent) {
    case "revoke": {
      const ok = await revokeInvitation(parsed.data.invitationId, user.orgId);
      if (!ok) return data({ errors: { invitation: ["That invitation is no longer active."] } as Record<string, string[]> }, { status: 400 });
      await recordAudit({ action: "invitation.revoke", actor: actorOf(user), targetType: "assessment", targetId: id, details: { invitation: parsed.data.invitationId }, ip: clientIp(request) });
      return redirect(`/procurement/assessments/${id}?done=revoked`);
    }
    case "resend": {
      const ok = await resendInvitation(user, request, parsed.data.invitationId);
      if (!ok) notFound();
      return redirect(`/procurement/assessments/${id}?done=resent`);
    }
    case "invite": {
      const [supplier, agreement] = await Promise.all([Organization.findById(assessment.supplierOrgId, { name: 1 }).lean(), Agreement.findById(assessment.agreementId, { reference: 1 }).lean()]);
      await inviteRecipient(user, request, { assessmentId: id, supplierOrgId: String(assessment.supplierOrgId), email: parsed.data.email.toLowerCase(), supplierName: supplier?.name ?? "", agreementRef: agreement?.reference ?? "", dueDate: assessment.dueDate });
      return redirect(`/procurement/assessments/${id}?done=invited`);
    }
  }
}

const DONE: Record<string, string> = {
  revoked: "Invitation revoked.",
  resent: "A new invitation was sent; the old link no longer works.",
  invited: "Invitation sent.",
};

export default function ProcurementAssessmentPage() {
  const { assessment, supplier, agreement, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const done = params.get("sent") ? "Questionnaire sent." : DONE[params.get("done") ?? ""];
  const errors: Record<string, string[]> = actionData?.errors ?? {};
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
            {assessment.template} <span className="muted">({assessment.templateVersion}; catalogue {assessment.catalogueVersion})</span>
          </dd>
          <dt>Due</dt>
          <dd>{assessment.dueDate}</dd>
          <dt>Submitted</dt>
          <dd>{assessment.submittedAt ? assessment.submittedAt.slice(0, 16).replace("T", " ") + " UTC" : "not yet"}</dd>
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

      <section className="card form-section">
        <h2>Invitations</h2>
        <ErrorList errors={errors.invitation ?? errors.invitationId ?? errors.intent} />
        <table className="data">
          <thead>
            <tr>
              <th>Recipient</th>
              <th>State</th>
              <th>Sent</th>
              <th>Expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>
                  <span className={`badge ${i.state === "active" ? "info" : i.state === "used" ? "ok" : "none"}`}>{i.state}</span>
                </td>
                <td>{i.createdAt.slice(0, 10)}</td>
                <td>{i.expiresAt.slice(0, 10)}</td>
                <td>
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="invitationId" value={i.id} />
                    {i.state === "active" ? (
                      <button type="submit" name="intent" value="revoke" className="secondary small" disabled={navigation.state !== "idle"}>
                        Revoke
                      </button>
                    ) : null}{" "}
                    {i.state !== "used" ? (
                      <button type="submit" name="intent" value="resend" className="secondary small" disabled={navigation.state !== "idle"}>
                        Send a new link
                      </button>
                    ) : null}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" className="row-invite">
          <input type="hidden" name="intent" value="invite" />
          <div className="field">
            <label htmlFor="email">Invite another person at {supplier.name}</label>
            <input id="email" name="email" type="email" aria-invalid={errors.email ? true : undefined} />
            <ErrorList errors={errors.email} />
          </div>
          <button type="submit" disabled={navigation.state !== "idle"}>
            Invite
          </button>
        </Form>
      </section>

      <section className="card form-section">
        <h2>History</h2>
        <ol className="history">
          {assessment.history.map((h, idx) => (
            <li key={idx}>
              <strong>{ASSESSMENT_STATUS_LABEL[h.to]}</strong> · {h.at.slice(0, 16).replace("T", " ")} UTC · {h.by || "system"}
              {h.comment ? <div className="muted">{h.comment}</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
