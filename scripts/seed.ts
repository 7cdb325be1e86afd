// `npm run seed`: adds the demo organisations, users and agreement; running it twice changes nothing.
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { demoCredentialsText, seedDemoData } from "#scripts/demo/demo-data.server";

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error("MONGODB_URI is not set; run this through `npm run seed`.");
  process.exit(1);
}
try {
  await connectDatabase(uri);
  const { created } = await seedDemoData();
  console.log(created === 0 ? "Demo data already present: nothing changed." : `Demo data added (${created} records).`);
  console.log(demoCredentialsText());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await disconnectDatabase().catch(() => {});
}
