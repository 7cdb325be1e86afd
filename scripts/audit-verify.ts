// `npm run audit:verify`: walks the whole audit trail and checks its hash chain.
// Exit code 0: intact; 1: broken (removed or altered entries); 2: could not check.
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { verifyAuditChain } from "#models/audit-event.server";

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error("MONGODB_URI is not set; run this through `npm run audit:verify`.");
  process.exit(2);
}
try {
  await connectDatabase(uri);
  const report = await verifyAuditChain();
  if (report.ok) {
    console.log(`Audit trail intact: ${report.checked} entries checked.`);
  } else {
    console.error(`Audit trail BROKEN: ${report.problems.length} problem(s) in ${report.checked} entries checked.`);
    for (const problem of report.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Could not verify the audit trail: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await disconnectDatabase().catch(() => {});
}
