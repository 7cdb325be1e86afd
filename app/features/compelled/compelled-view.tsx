import type { ReactNode } from "react";
import { ListTable, type Column } from "#app/components/list-table";
import { useCountries, useFormat, useT } from "#app/i18n/react";
import type { DisclosureView } from "./compelled.server";

const VERDICT_BADGE: Record<DisclosureView["notice"]["verdict"], string> = {
  sufficient: "ok",
  short: "warn",
  "too-late": "bad",
  barred: "none",
  "not-required": "info",
};

/** "N days' notice before the deadline to comply; the agreement asks for M" and its verdict. */
export function NoticeVerdict({ notice }: { notice: DisclosureView["notice"] }) {
  const t = useT();
  const days = Math.max(0, notice.noticeDays);
  return (
    <>
      <span data-testid="notice-line">
        {notice.verdict === "not-required"
          ? t("compelled.notice.notRequired", { days })
          : t("compelled.notice.line", { days, required: notice.requiredDays })}
      </span>{" "}
      <span className={`badge ${VERDICT_BADGE[notice.verdict]}`} data-testid="notice-verdict">
        {t(`compelled.verdict.${notice.verdict}`)}
      </span>
    </>
  );
}

/** The columns every list of demands shares. */
function useDemandColumns(): Column<DisclosureView>[] {
  const t = useT();
  const format = useFormat();
  const { nameOf } = useCountries();
  return [
    {
      header: t("compelled.table.col.authority"),
      cell: (d) => (
        <>
          {d.authority}
          <div className="muted small">{nameOf(d.jurisdiction)}</div>
        </>
      ),
    },
    {
      header: t("compelled.table.col.dates"),
      cell: (d) => (
        <>
          {t("compelled.table.received", { date: format.day(d.receivedOn) })}
          <div>{t("compelled.table.complyBy", { date: format.day(d.complyBy) })}</div>
        </>
      ),
    },
    {
      header: t("compelled.table.col.classes"),
      cell: (d) => d.classes.map((c) => t(`labels.class.${c}`)).join(", "),
    },
  ];
}

function ReportedNotified({ d }: { d: DisclosureView }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="muted small">
      {t("compelled.table.reportedBy", { at: format.moment(d.reportedAt), name: d.reportedBy })}
      {d.noticeGivenAt ? <div>{t("compelled.table.notifiedOn", { at: format.moment(d.noticeGivenAt) })}</div> : null}
    </div>
  );
}

/** The lifecycle tab's compelled disclosures: only those notified to the agreement's parties. */
export function DisclosuresSection({ disclosures }: { disclosures: DisclosureView[] }) {
  const t = useT();
  const shared = useDemandColumns();
  return (
    <section className="card form-section" aria-labelledby="compelled-heading" data-testid="compelled-disclosures">
      <h2 id="compelled-heading">{t("compelled.heading")}</h2>
      <p className="muted">{t("compelled.tab.intro")}</p>
      <ListTable
        label={t("compelled.heading")}
        rows={disclosures}
        rowKey={(d) => d.id}
        empty={t("compelled.tab.empty")}
        columns={[
          { header: t("compelled.table.col.supplier"), cell: (d) => d.supplier },
          ...shared,
          {
            header: t("compelled.table.col.notice"),
            cell: (d) => (
              <>
                <NoticeVerdict notice={d.notice} />
                <ReportedNotified d={d} />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

/**
 * The supplier's own demands: the notice, or that it is barred and why,
 * with `lift` rendering the way to give notice once the bar has lifted.
 */
export function DemandTable({
  demands,
  showSupplier,
  lift,
}: {
  demands: DisclosureView[];
  showSupplier: boolean;
  lift?: (d: DisclosureView) => ReactNode;
}) {
  const t = useT();
  const shared = useDemandColumns();
  return (
    <ListTable
      label={t("compelled.table.label")}
      rows={demands}
      rowKey={(d) => d.id}
      rowProps={(d) => ({ "data-testid": `demand-${d.id}` })}
      empty={t("compelled.table.empty")}
      columns={[
        showSupplier
          ? { header: t("compelled.table.col.supplier"), cell: (d) => d.supplier }
          : { header: t("compelled.table.col.agreement"), cell: (d) => d.agreementRef },
        ...shared,
        {
          header: t("compelled.table.col.notice"),
          cell: (d) =>
            d.noticeGivenAt ? (
              <>
                <NoticeVerdict notice={d.notice} />
                <ReportedNotified d={d} />
              </>
            ) : (
              <>
                <p data-testid="notice-barred">{t("compelled.status.barred", { reason: d.barredReason })}</p>
                <ReportedNotified d={d} />
                {lift ? lift(d) : null}
              </>
            ),
        },
      ]}
    />
  );
}
