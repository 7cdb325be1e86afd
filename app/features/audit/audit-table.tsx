import { Fragment } from "react";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import type { MessageId } from "#app/i18n/catalogue";
import { answers } from "#app/i18n/catalogue/answers";

export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  actor: string;
  details: Record<string, string>;
  ip: string;
}

/** A value recorded as a code rather than words ("access_denied", "provider_error:other"): shown as code. */
const RECORDED_CODE = /^[a-z0-9]+([_:][a-z0-9]+)+$/;

/** An entry's detail key as a label: its message when it has one, else the key as recorded. */
export function auditKeyLabel(key: string, t: (id: MessageId) => string): string {
  const id = `answers.auditKey.${key}`;
  return Object.hasOwn(answers, id) ? t(id as MessageId) : key;
}

/** The audit trail as recorded: append-only entries, newest first. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ListTable
      data-testid="audit-trail"
      rows={rows}
      rowKey={(r) => r.seq}
      empty={t("admin.auditTable.empty")}
      columns={[
        { header: "#", cell: (r) => r.seq },
        { header: t("admin.column.when"), className: "nowrap", cell: (r) => format.moment(r.at) },
        { header: t("admin.auditTable.what"), cell: (r) => <code>{r.action}</code> },
        {
          header: t("admin.auditTable.who"),
          cell: (r) => r.actor || <span className="muted">{t("admin.auditTable.system")}</span>,
        },
        {
          header: t("admin.auditTable.details"),
          className: "small wrap-anywhere",
          cell: (r) =>
            Object.entries(r.details).map(([k, v], i) => (
              <Fragment key={k}>
                {i ? " · " : null}
                {auditKeyLabel(k, t)}: {RECORDED_CODE.test(v) ? <code>{v}</code> : v}
              </Fragment>
            )),
        },
        { header: t("admin.auditTable.from"), className: "small muted", cell: (r) => r.ip },
      ]}
    />
  );
}
