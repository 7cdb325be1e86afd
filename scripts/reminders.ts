// `npm run reminders`: e-mails suppliers whose questionnaire is due within 3 days or overdue (once a day each).
import { sendDueReminders } from "#app/features/assessments/reminders.server";
import { databaseUri, jobOrigin, runDatabaseTask } from "./lib/database-task";

await runDatabaseTask(databaseUri("reminders"), async () => {
  const origin = await jobOrigin();
  const { sent, skipped } = await sendDueReminders({ origin });
  console.log(`Reminders: ${sent} assessment(s) reminded, ${skipped} already reminded today.`);
});
