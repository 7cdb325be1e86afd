// `npm run reminders`: e-mails suppliers whose questionnaire is due within 3 days or overdue (once a day each).
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { sendDueReminders } from "#app/features/assessments/reminders.server";

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error("MONGODB_URI is not set; run this through `npm run reminders`.");
  process.exit(1);
}
try {
  await connectDatabase(uri);
  const origin = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  const { sent, skipped } = await sendDueReminders({ origin });
  console.log(`Reminders: ${sent} assessment(s) reminded, ${skipped} already reminded today.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await disconnectDatabase().catch(() => {});
}
