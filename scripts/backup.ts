// `npm run backup [-- --out <dir>]`: copies every collection (GridFS evidence included) into a folder
// with a manifest of counts and SHA-256 hashes. Default folder: ./backups/flowdown-<time>.
import path from "node:path";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import { maskUri } from "./lib/mask-uri.mjs";
import { BackupError, backupDatabase } from "./lib/backup";
import { databaseUri, errorMessage, runDatabaseTask } from "./lib/database-task";

const uri = databaseUri("backup");
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
  console.error(`${errorMessage(error)}\nusage: npm run backup [-- --out <dir>]`);
  process.exit(1);
}
await runDatabaseTask(
  uri,
  async () => {
    const manifest = await backupDatabase(mongoose.connection.db!, out);
    const documents = manifest.collections.reduce((n, c) => n + c.count, 0);
    console.log(
      `Backed up ${manifest.collections.length} collections (${documents} documents) of ${maskUri(uri)} into ${out}`,
    );
  },
  {
    // a plain connection: a backup reads, it builds no indexes and creates no collections
    connect: (uri) => mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, autoIndex: false, autoCreate: false }),
    disconnect: () => mongoose.disconnect(),
    failure: (error) => (error instanceof BackupError ? error.message : `Backup failed: ${errorMessage(error)}`),
  },
);
