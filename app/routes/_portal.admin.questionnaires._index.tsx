import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
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
      <table className="data">
        <thead>
          <tr>
            <th>Id</th>
            <th>Title</th>
            <th>Version</th>
            <th>Questions</th>
          </tr>
        </thead>
        <tbody>
          {shipped.map((t) => (
            <tr key={t.id}>
              <td>{t.id}</td>
              <td>{t.title}</td>
              <td>{t.versionTag}</td>
              <td>{t.questions}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Imported</h2>
      {imported.length === 0 ? (
        <p className="empty">
          Nothing imported yet. Import a VSAQ questionnaire (.json) or a question list (.csv, .xlsx).
        </p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Id</th>
              <th>Title</th>
              <th>Version</th>
              <th>From</th>
              <th>Findings</th>
              <th>Published (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {imported.map((t) => (
              <tr key={t.id}>
                <td>{t.templateId}</td>
                <td>{t.title}</td>
                <td>{t.versionTag}</td>
                <td>
                  {t.sourceFileName} <span className="muted">({t.sourceFormat})</span>
                </td>
                <td>{t.findingCount}</td>
                <td>
                  {t.publishedAt.slice(0, 16).replace("T", " ")} <span className="muted">by {t.publishedByEmail}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Each assessment keeps the version it was sent with; publishing a new version changes only what is sent from then
        on.
      </p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
