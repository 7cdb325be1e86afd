import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "#app/features/accounts/auth.server";
import {
  ProposedSubcontractors,
  sendQuestionnaireHref,
  type DecisionReply,
} from "#app/features/subcontractors/proposed-subcontractors";
import { agreementProposals, decideSubcontractor } from "#app/features/subcontractors/subcontractors.server";
import { refusalResponse } from "#app/lib/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Proposed subcontractors · ${data?.reference ?? "Agreement"} · Flowdown` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  return agreementProposals(user, params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const values: Record<string, string> = {};
  for (const [k, v] of (await request.formData()).entries()) if (typeof v === "string") values[k] = v;
  try {
    const { done, id } = await decideSubcontractor(user, params.id, values, request);
    return redirect(`/procurement/agreements/${params.id}/subcontractors?${done}=${id}`);
  } catch (error) {
    return refusalResponse(error, { intent: values.intent ?? "", proposalId: values.proposalId ?? "", values });
  }
}

export default function ProposedSubcontractorsPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as DecisionReply | undefined;
  const [params] = useSearchParams();
  const accepted = d.proposals.find((p) => p.id === params.get("accepted") && p.status === "accepted");
  const rejected = d.proposals.find((p) => p.id === params.get("rejected") && p.status === "rejected");
  return (
    <>
      {accepted?.supplier ? (
        <p className="flash">
          {accepted.name} is now a tier-{accepted.tier} link of the chain, working for {accepted.proposedBy.name}.{" "}
          {accepted.supplier.inChain && !accepted.supplier.assessmentId ? (
            <Link to={sendQuestionnaireHref(d.agreementId, accepted.supplier.id, accepted.contactEmail)}>
              Send a questionnaire
            </Link>
          ) : null}
        </p>
      ) : null}
      {rejected ? (
        <p className="flash">
          {rejected.name} was rejected; {rejected.proposedBy.name} sees your reason.
        </p>
      ) : null}
      <div className="page-head">
        <h1>Proposed subcontractors: {d.reference}</h1>
        <Link className="button secondary" to={`/procurement/agreements/${d.agreementId}?tab=chain`}>
          Back to the agreement
        </Link>
      </div>
      <ProposedSubcontractors data={d} reply={reply} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
