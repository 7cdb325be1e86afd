// `npm run reassessments`: sends every re-assessment that is due (by cadence or trigger), once per approval.
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { sendDueReassessments } from "#app/features/reassessment/reassessment.server";

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error("MONGODB_URI is not set; run this through `npm run reassessments`.");
  process.exit(1);
}
try {
  await connectDatabase(uri);
  const origin = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  const { created } = await sendDueReassessments({ origin });
  console.log(`Re-assessments: ${created.length} sent.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await disconnectDatabase().catch(() => {});
}
