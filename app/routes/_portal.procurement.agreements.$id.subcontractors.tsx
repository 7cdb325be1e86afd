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
import { t as tServer } from "#app/i18n/messages.server";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Flowdown" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "procurement" });
  const page = await agreementProposals(user, params.id);
  return { ...page, metaTitle: tServer("subcontractors.procurement.metaTitle", { reference: page.reference }) };
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
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as DecisionReply | undefined;
  const [params] = useSearchParams();
  const accepted = d.proposals.find((p) => p.id === params.get("accepted") && p.status === "accepted");
  const rejected = d.proposals.find((p) => p.id === params.get("rejected") && p.status === "rejected");
  return (
    <>
      {accepted?.supplier ? (
        <p className="flash">
          {t("subcontractors.procurement.accepted", {
            name: accepted.name,
            tier: accepted.tier,
            proposer: accepted.proposedBy.name,
          })}{" "}
          {accepted.supplier.inChain && !accepted.supplier.assessmentId ? (
            <Link to={sendQuestionnaireHref(d.agreementId, accepted.supplier.id, accepted.contactEmail)}>
              {t("subcontractors.sendQuestionnaire")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {rejected ? (
        <p className="flash">
          {t("subcontractors.procurement.rejected", { name: rejected.name, proposer: rejected.proposedBy.name })}
        </p>
      ) : null}
      <div className="page-head">
        <h1>{t("subcontractors.procurement.title", { reference: d.reference })}</h1>
        <Link className="button secondary" to={`/procurement/agreements/${d.agreementId}?tab=chain`}>
          {t("subcontractors.procurement.back")}
        </Link>
      </div>
      <ProposedSubcontractors data={d} reply={reply} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
