// `npm run backup [-- --out <dir>]`: copies every collection (GridFS evidence included) into a folder
// with a manifest of counts and SHA-256 hashes. Default folder: ./backups/flowdown-<time>.
import path from "node:path";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import { maskUri } from "./lib/mask-uri.mjs";
import { BackupError, backupDatabase } from "./lib/backup";

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error("MONGODB_URI is not set; run this through `npm run backup`.");
  process.exit(1);
}
let out: string;
try {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  // relative to where `npm run` was typed, not to the project folder npm moves into
  const base = process.env.INIT_CWD ?? process.cwd();
  out = path.resolve(
    base,
    values.out ?? path.join("backups", `flowdown-${new Date().toISOString().replace(/[:.]/g, "-")}`),
  );
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nusage: npm run backup [-- --out <dir>]`);
  process.exit(1);
}
try {
  // a plain connection: a backup reads, it builds no indexes and creates no collections
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, autoIndex: false, autoCreate: false });
  const manifest = await backupDatabase(mongoose.connection.db!, out);
  const documents = manifest.collections.reduce((n, c) => n + c.count, 0);
  console.log(
    `Backed up ${manifest.collections.length} collections (${documents} documents) of ${maskUri(uri)} into ${out}`,
  );
} catch (error) {
  console.error(
    error instanceof BackupError
      ? error.message
      : `Backup failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await mongoose.disconnect().catch(() => {});
}
