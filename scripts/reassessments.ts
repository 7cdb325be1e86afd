// `npm run reassessments`: sends every re-assessment that is due (by cadence or trigger), once per approval.
import { sendDueReassessments } from "#app/features/reassessment/reassessment.server";
import { databaseUri, jobOrigin, runDatabaseTask } from "./lib/database-task";

await runDatabaseTask(databaseUri("reassessments"), async () => {
  const origin = await jobOrigin();
  const { created } = await sendDueReassessments({ origin });
  console.log(`Re-assessments: ${created.length} sent.`);
});
