// `npm run restore -- <dir> [--force]`: checks the backup against its manifest, then restores it into
// MONGODB_URI's database (the embedded one by default) and builds the indexes. Refuses a damaged
// backup, and a database that holds data unless --force (which replaces everything in it).
import path from "node:path";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import { ensureIndexes } from "#app/lib/db.server";
import { maskUri } from "./lib/mask-uri.mjs";
import { BackupError, restoreDatabase } from "./lib/backup";
import { databaseUri, errorMessage, runDatabaseTask } from "./lib/database-task";

const uri = databaseUri("restore");
let dir: string;
let force: boolean;
try {
  const { values, positionals } = parseArgs({
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error("Name one backup folder.");
  dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  force = values.force ?? false;
} catch (error) {
  console.error(`${errorMessage(error)}\nusage: npm run restore -- <backup folder> [--force]`);
  process.exit(1);
}
await runDatabaseTask(
  uri,
  async () => {
    const { collections, documents } = await restoreDatabase(mongoose.connection.db!, dir, { force });
    // the schemas' indexes too, should the backup come from an older version
    await ensureIndexes();
    console.log(`Restored ${collections} collections (${documents} documents) from ${dir} into ${maskUri(uri)}`);
  },
  {
    failure: (error) => (error instanceof BackupError ? error.message : `Restore failed: ${errorMessage(error)}`),
    // a plain connection: the portal's own builds every collection's indexes on connecting, which would
    // create empty collections before the backup is checked; they are built after the restore instead
    connect: (target: string) =>
      mongoose
        .connect(target, {
          serverSelectionTimeoutMS: 5000,
          connectTimeoutMS: 5000,
          autoCreate: false,
          autoIndex: false,
        })
        .then(() => undefined),
    disconnect: () => mongoose.disconnect(),
  },
);
