// `npm run seed`: adds the demo organisations, users and agreement; running it twice changes nothing.
import { demoCredentialsText, seedDemoData } from "#scripts/demo/demo-data.server";
import { databaseUri, runDatabaseTask } from "./lib/database-task";

await runDatabaseTask(databaseUri("seed"), async () => {
  const { created } = await seedDemoData();
  console.log(created === 0 ? "Demo data already present: nothing changed." : `Demo data added (${created} records).`);
  console.log(demoCredentialsText());
});
