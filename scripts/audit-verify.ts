// `npm run audit:verify`: walks the whole audit trail and checks its hash chain.
// Exit code 0: intact; 1: broken (removed or altered entries); 2: could not check.
import { verifyAuditChain } from "#models/audit-event.server";
import { databaseUri, errorMessage, runDatabaseTask } from "./lib/database-task";

await runDatabaseTask(
  databaseUri("audit:verify", 2),
  async () => {
    const report = await verifyAuditChain();
    if (report.ok) {
      console.log(`Audit trail intact: ${report.checked} entries checked.`);
    } else {
      console.error(`Audit trail BROKEN: ${report.problems.length} problem(s) in ${report.checked} entries checked.`);
      for (const problem of report.problems) console.error(`  - ${problem}`);
      process.exitCode = 1;
    }
  },
  { failure: (error) => `Could not verify the audit trail: ${errorMessage(error)}`, failureCode: 2 },
);
