import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import { questionnaireOverview } from "#app/features/questionnaires/questionnaire-import.server";

export const meta: MetaFunction = () => [{ title: "Questionnaires · Flowdown" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return questionnaireOverview();
}

export default function QuestionnairesPage() {
  const { shipped, imported } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const published = params.get("published");
  return (
    <>
      {published ? <p className="flash">Published {published}. Procurement can now send it.</p> : null}
      <div className="page-head">
        <h1>Questionnaires</h1>
        <Link to="/admin/questionnaires/import" className="button">
          Import a questionnaire
        </Link>
      </div>
      <h2>Shipped with the portal</h2>
      <ListTable
        rows={shipped}
        rowKey={(t) => t.id}
        columns={[
          {
            header: "Title",
            cell: (t) => (
              <>
                {t.title} <span className="muted">({t.id})</span>
              </>
            ),
          },
          { header: "Version", cell: (t) => t.versionTag },
          { header: "Questions", cell: (t) => t.questions },
        ]}
      />
      <h2>Imported</h2>
      <ListTable
        rows={imported}
        rowKey={(t) => t.id}
        empty="Nothing imported yet. Import a SurveyJS survey or a VSAQ questionnaire (.json), or a question list (.csv, .xlsx)."
        columns={[
          {
            header: "Title",
            cell: (t) => (
              <>
                {t.title} <span className="muted">({t.templateId})</span>
              </>
            ),
          },
          { header: "Version", cell: (t) => t.versionTag },
          {
            header: "From",
            cell: (t) => (
              <>
                {t.sourceFileName} <span className="muted">({t.sourceFormat})</span>
              </>
            ),
          },
          { header: "Findings", cell: (t) => t.findingCount },
          {
            header: "Published (UTC)",
            cell: (t) => (
              <>
                {t.publishedAt.slice(0, 16).replace("T", " ")} <span className="muted">by {t.publishedByEmail}</span>
              </>
            ),
          },
        ]}
      />
      <p className="muted">
        Each assessment keeps the version it was sent with; publishing a new version changes only what is sent from then
        on.
      </p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
