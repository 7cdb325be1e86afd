// `npm run reassessments`: sends every re-assessment that is due (by cadence or trigger), once per approval.
import { sendDueReassessments } from "#app/features/reassessment/reassessment.server";
import { databaseUri, runDatabaseTask } from "./lib/database-task";

await runDatabaseTask(databaseUri("reassessments"), async () => {
  const origin = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  const { created } = await sendDueReassessments({ origin });
  console.log(`Re-assessments: ${created.length} sent.`);
});
