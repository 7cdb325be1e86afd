import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { questionnaireOverview } from "#app/features/questionnaires/questionnaire-import.server";
import { useFormat, useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "common.nav.questionnaires") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return questionnaireOverview();
}

export default function QuestionnairesPage() {
  const { shipped, imported } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const published = params.get("published");
  const t = useT();
  const format = useFormat();
  return (
    <>
      {published ? (
        <p className="flash">
          {t("questionnaires.list.published", {
            title: published,
            id: params.get("id") ?? "",
            version: params.get("version") ?? "",
          })}
        </p>
      ) : null}
      <div className="page-head">
        <h1>{t("common.nav.questionnaires")}</h1>
        <Link to="/admin/questionnaires/import" className="button">
          {t("questionnaires.list.import")}
        </Link>
      </div>
      <h2>{t("questionnaires.list.shipped")}</h2>
      <ListTable
        rows={shipped}
        rowKey={(q) => q.id}
        columns={[
          {
            header: t("questionnaires.column.title"),
            cell: (q) => (
              <>
                {q.title} <span className="muted">({q.id})</span>
              </>
            ),
          },
          { header: t("questionnaires.column.version"), cell: (q) => q.versionTag },
          { header: t("questionnaires.column.questions"), cell: (q) => format.number(q.questions) },
        ]}
      />
      <h2>{t("questionnaires.list.imported")}</h2>
      <ListTable
        rows={imported}
        rowKey={(q) => q.id}
        empty={t("questionnaires.list.empty")}
        columns={[
          {
            header: t("questionnaires.column.title"),
            cell: (q) => (
              <>
                {q.title} <span className="muted">({q.templateId})</span>
              </>
            ),
          },
          { header: t("questionnaires.column.version"), cell: (q) => q.versionTag },
          {
            header: t("questionnaires.column.from"),
            cell: (q) => (
              <>
                {q.sourceFileName} <span className="muted">({q.sourceFormat})</span>
              </>
            ),
          },
          { header: t("questionnaires.column.findings"), cell: (q) => format.number(q.findingCount) },
          {
            header: t("questionnaires.column.published"),
            cell: (q) => (
              <>
                {format.moment(q.publishedAt)}{" "}
                <span className="muted">{t("questionnaires.list.by", { email: q.publishedByEmail })}</span>
              </>
            ),
          },
        ]}
      />
      <p className="muted">{t("questionnaires.list.versions")}</p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
