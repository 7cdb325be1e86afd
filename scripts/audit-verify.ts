// `npm run audit:verify [-- --anchor <seq>:<sha-256> | --anchor-from <backup folder>] [--mail <address>]`:
// walks the whole audit trail and checks its hash chain; with an anchor taken earlier (printed by this
// command, kept in every backup's manifest), also that the trail still reaches it unchanged, which the
// chain alone cannot show. Prints the current head as the next anchor, and e-mails it with --mail.
// Exit code 0: intact; 1: broken (removed, altered or cut-off entries); 2: could not check.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatAuditAnchor, parseAuditAnchor, type AuditAnchor } from "#models/audit-event.server";
import { databaseUri, errorMessage, runDatabaseTask } from "./lib/database-task";

const USAGE =
  "usage: npm run audit:verify [-- --anchor <seq>:<sha-256> | --anchor-from <backup folder>] [--mail <address>]";

function anchorFromBackup(dir: string): AuditAnchor {
  const file = path.join(path.resolve(process.env.INIT_CWD ?? process.cwd(), dir), "manifest.json");
  let manifest: { auditHead?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { auditHead?: unknown };
  } catch {
    throw new Error(`${file} cannot be read as a backup manifest.`);
  }
  const head = manifest.auditHead as { seq?: unknown; hash?: unknown } | undefined;
  const anchor = head ? parseAuditAnchor(`${String(head.seq)}:${String(head.hash)}`) : null;
  if (!anchor) throw new Error(`${file} holds no audit anchor (a backup made before anchors were kept).`);
  return anchor;
}

let anchor: AuditAnchor | undefined;
let mailTo: string | undefined;
try {
  const { values } = parseArgs({
    options: { anchor: { type: "string" }, "anchor-from": { type: "string" }, mail: { type: "string" } },
    strict: true,
  });
  if (values.anchor && values["anchor-from"]) throw new Error("Give --anchor or --anchor-from, not both.");
  if (values.anchor) {
    const parsed = parseAuditAnchor(values.anchor);
    if (!parsed) throw new Error(`"${values.anchor}" is not an anchor: <sequence number>:<64 hexadecimal digits>.`);
    anchor = parsed;
  }
  if (values["anchor-from"]) anchor = anchorFromBackup(values["anchor-from"]);
  if (values.mail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.mail))
    throw new Error(`"${values.mail}" is not an e-mail address.`);
  mailTo = values.mail;
} catch (error) {
  console.error(`${errorMessage(error)}\n${USAGE}`);
  process.exit(2);
}

await runDatabaseTask(
  databaseUri("audit:verify", 2),
  async () => {
    const { mailAuditAnchor } = await import("#app/features/audit/anchor.server");
    const report = await mailAuditAnchor(mailTo ? [mailTo] : [], { checkedAgainst: anchor });
    const against = anchor ? ` against the anchor ${formatAuditAnchor(anchor)}` : "";
    if (report.ok) {
      console.log(`Audit trail intact: ${report.checked} entries checked${against}.`);
    } else {
      console.error(
        `Audit trail BROKEN: ${report.problems.length} problem(s) in ${report.checked} entries checked${against}.`,
      );
      for (const problem of report.problems) console.error(`  - ${problem}`);
      process.exitCode = 1;
    }
    const { head } = report;
    if (!head) return;
    console.log(`Anchor for a later check (the head, ${head.at.toISOString()}): ${formatAuditAnchor(head)}`);
    if (mailTo) console.log(`Anchor e-mailed to ${mailTo}.`);
  },
  { failure: (error) => `Could not verify the audit trail: ${errorMessage(error)}`, failureCode: 2 },
);
