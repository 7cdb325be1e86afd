// `npm run destruction-reminders`: reminds and escalates return-or-destroy requests not yet certified (each mail once).
import { sendDueDestructionReminders } from "#app/features/lifecycle/destruction-reminders.server";
import { databaseUri, jobOrigin, runDatabaseTask } from "./lib/database-task";

await runDatabaseTask(databaseUri("destruction-reminders"), async () => {
  const origin = await jobOrigin();
  const { sent, skipped } = await sendDueDestructionReminders({ origin });
  console.log(`Destruction reminders: ${sent} sent, ${skipped} already sent.`);
});
