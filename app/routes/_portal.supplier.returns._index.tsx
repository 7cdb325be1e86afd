import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { supplierReturnsPage } from "#app/features/destruction/returns.server";
import { HolderStateBadge } from "#app/features/destruction/register-view";
import { titleOf } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "destruction.nav") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "supplier" });
  return supplierReturnsPage(user);
}

export default function SupplierReturnsPage() {
  const { requests } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  return (
    <>
      <h1>{t("destruction.returns.title")}</h1>
      <p className="muted">{t("destruction.returns.intro")}</p>
      <ListTable
        rows={requests}
        rowKey={(r) => r.id}
        label={t("destruction.returns.title")}
        empty={t("destruction.returns.empty")}
        data-testid="returns"
        columns={[
          { header: t("destruction.col.agreement"), cell: (r) => r.agreement },
          {
            header: t("destruction.col.milestone"),
            cell: (r) => (
              <>
                {r.kind === "phase"
                  ? t("destruction.milestonePhase", { phase: r.phase ?? "" })
                  : t(`destruction.kind.${r.kind}`)}
                <div className="muted small">{format.day(r.effectiveDate)}</div>
              </>
            ),
          },
          {
            header: t("destruction.col.classes"),
            cell: (r) => r.classes.map((c) => t(`labels.class.${c}`)).join(", "),
          },
          {
            header: t("destruction.col.due"),
            cell: (r) => (
              <>
                {format.day(r.dueDate)}
                <div className="muted small">
                  {r.state === "complete"
                    ? null
                    : r.overdueDays > 0
                      ? t("destruction.overdueBy", { days: r.overdueDays })
                      : t("destruction.daysLeft", { days: Math.max(0, r.daysLeft) })}
                </div>
              </>
            ),
          },
          {
            header: t("destruction.col.state"),
            cell: (r) => (
              <>
                <HolderStateBadge state={r.state} overdueDays={r.overdueDays} waitingOn={r.waitingOn} />
                {r.below.length ? (
                  <ul className="destruction-below">
                    {r.below.map((b) => (
                      <li key={`${b.name}-${b.tier}`} style={{ marginInlineStart: `${(b.depth - 1) * 1}rem` }}>
                        {b.name} ({t("destruction.tier", { tier: b.tier })}):{" "}
                        <HolderStateBadge state={b.state} overdueDays={b.overdueDays} waitingOn={[]} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
          {
            header: t("destruction.col.action"),
            cell: (r) => (
              <Link to={`/supplier/returns/${encodeURIComponent(r.id)}`}>
                {r.certified ? t("destruction.returns.view") : t("destruction.returns.certify")}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
