// Backup and restore of a whole database, GridFS buckets included (they are
// ordinary collections: <bucket>.files and <bucket>.chunks). Works through the
// MongoDB driver only, so the same code serves FerretDB and MongoDB.
//
// A backup is a folder:
//   manifest.json                     what is in it: per collection the file, document count, SHA-256, indexes
//   collections/<name>.ejson          one document per line, canonical Extended JSON
// Canonical EJSON keeps every BSON type as it was (ObjectId, Date, Int32 vs
// Double vs Int64, Binary with its subtype), so a restore writes back the same
// documents, not look-alikes.
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import mongoose, { type mongo } from "mongoose";
import { z } from "zod";

const { EJSON } = mongoose.mongo.BSON;

export const BACKUP_FORMAT = "flowdown-backup";
export const BACKUP_VERSION = 1;
const MANIFEST = "manifest.json";
const INSERT_BATCH = 500;

/** Documents exactly as stored: no conversion of Int32/Double/Int64 to JS numbers, regexes kept as BSON. */
const RAW_READ: mongo.FindOptions = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: true,
};

const IndexSpec = z.looseObject({ key: z.record(z.string(), z.unknown()), name: z.string().min(1) });
const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  database: z.string(),
  /** the audit trail's head when the backup was made: an anchor kept outside the database (npm run audit:verify) */
  auditHead: z
    .object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.string() })
    .optional(),
  collections: z.array(
    z.object({
      name: z.string().min(1),
      file: z.string().min(1),
      count: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      options: z.record(z.string(), z.unknown()).default({}),
      indexes: z.array(IndexSpec),
    }),
  ),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

/** A backup that cannot be used, or a restore that would destroy data: the message is for the operator as it is. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** The data file of a collection: encoded so no collection name can point outside the backup folder. */
export function collectionFile(name: string): string {
  return `collections/${encodeURIComponent(name)}.ejson`;
}

async function userCollections(db: mongo.Db): Promise<{ name: string; options: Record<string, unknown> }[]> {
  const infos = await db.listCollections({}, { nameOnly: false }).toArray();
  return infos
    .filter((c) => !c.name.startsWith("system.") && (c.type === undefined || c.type === "collection"))
    .map((c) => ({ name: c.name, options: ("options" in c && c.options ? c.options : {}) as Record<string, unknown> }))
    .sort((a, b) => {
      // by code unit: localeCompare would ignore the control characters backupOrder relies on
      const [x, y] = [backupOrder(a.name), backupOrder(b.name)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/**
 * GridFS writes a file's chunks before its files document, so copying
 * <bucket>.files before <bucket>.chunks gives every copied file all its
 * chunks even while uploads go on.
 */
function backupOrder(name: string): string {
  return name.endsWith(".files")
    ? `${name.slice(0, -6)}\u0000`
    : name.endsWith(".chunks")
      ? `${name.slice(0, -7)}\u0001`
      : name;
}

function indexSpecs(indexes: mongo.Document[]): z.infer<typeof IndexSpec>[] {
  return indexes
    .filter((i) => i.name !== "_id_")
    .map((i) => {
      const { v, ns, background, ...spec } = i;
      void v;
      void ns;
      void background;
      return spec as z.infer<typeof IndexSpec>;
    });
}

async function write(stream: fs.WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** Writes a backup of every collection of `db` into `outDir` (which must not exist or be empty). */
export async function backupDatabase(db: mongo.Db, outDir: string): Promise<BackupManifest> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    throw new BackupError(`${outDir} is not empty: choose a new folder for the backup (--out <dir>).`);
  }
  fs.mkdirSync(path.join(outDir, "collections"), { recursive: true });
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    database: db.databaseName,
    collections: [],
  };
  const head = await db
    .collection("auditevents")
    .find({}, { projection: { seq: 1, hash: 1, at: 1 } })
    .sort({ seq: -1 })
    .limit(1)
    .next();
  if (head) manifest.auditHead = { seq: head.seq, hash: head.hash, at: new Date(head.at).toISOString() };
  for (const { name, options } of await userCollections(db)) {
    const file = collectionFile(name);
    const out = fs.createWriteStream(path.join(outDir, file));
    const hash = crypto.createHash("sha256");
    let count = 0;
    let bytes = 0;
    const cursor = db.collection(name).find({}, { ...RAW_READ, sort: { _id: 1 } });
    for await (const doc of cursor) {
      const line = `${EJSON.stringify(doc, { relaxed: false })}\n`;
      hash.update(line);
      bytes += Buffer.byteLength(line);
      count++;
      await write(out, line);
    }
    out.end();
    await once(out, "close");
    const indexes = indexSpecs(await db.collection(name).listIndexes().toArray());
    manifest.collections.push({ name, file, count, bytes, sha256: hash.digest("hex"), options, indexes });
  }
  // written last: a folder without a manifest is an unfinished backup
  fs.writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file))
    throw new BackupError(
      `${dir} is not a Flowdown backup: it has no ${MANIFEST} (an interrupted backup has none either).`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new BackupError(`The backup in ${dir} is damaged: ${MANIFEST} is not valid JSON. Nothing was restored.`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(
      `The backup in ${dir} is damaged or not a Flowdown backup: ${MANIFEST} ${issue.path.join(".") || "(top level)"}: ${issue.message}. Nothing was restored.`,
    );
  }
  const names = new Set<string>();
  for (const c of parsed.data.collections) {
    if (c.file !== collectionFile(c.name))
      throw new BackupError(
        `The backup in ${dir} is damaged: ${MANIFEST} names the file ${JSON.stringify(c.file)} for collection ${c.name}. Nothing was restored.`,
      );
    if (names.has(c.name))
      throw new BackupError(
        `The backup in ${dir} is damaged: ${MANIFEST} lists collection ${c.name} twice. Nothing was restored.`,
      );
    names.add(c.name);
  }
  return parsed.data;
}

async function* lines(file: string): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) if (line.length > 0) yield line;
}

/**
 * Checks every file against the manifest (size, SHA-256, document count,
 * every line readable) before anything is written to a database.
 */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifest = readManifest(dir);
  const damaged = (what: string) => new BackupError(`The backup in ${dir} is damaged: ${what}. Nothing was restored.`);
  for (const c of manifest.collections) {
    const file = path.join(dir, c.file);
    if (!fs.existsSync(file)) throw damaged(`${c.file} (collection ${c.name}) is missing`);
    const size = fs.statSync(file).size;
    if (size !== c.bytes) throw damaged(`${c.file} has ${size} bytes, the manifest says ${c.bytes}`);
    const hash = crypto.createHash("sha256");
    await new Promise<void>((resolve, reject) => {
      fs.createReadStream(file)
        .on("data", (chunk) => hash.update(chunk))
        .on("end", resolve)
        .on("error", reject);
    });
    const sha256 = hash.digest("hex");
    if (sha256 !== c.sha256) throw damaged(`${c.file} has SHA-256 ${sha256}, the manifest says ${c.sha256}`);
    let count = 0;
    for await (const line of lines(file)) {
      count++;
      try {
        EJSON.parse(line, { relaxed: false });
      } catch {
        throw damaged(`line ${count} of ${c.file} is not a document`);
      }
    }
    if (count !== c.count) throw damaged(`${c.file} holds ${count} documents, the manifest says ${c.count}`);
  }
  return manifest;
}

/**
 * One createIndexes call per missing index: FerretDB v1.24.2 drops the
 * connection (a panic in its handler) when one call names several indexes
 * that all exist already, which they do after the app's own index sync.
 */
async function createMissingIndexes(collection: mongo.Collection, specs: z.infer<typeof IndexSpec>[]): Promise<void> {
  const existing = new Set((await collection.listIndexes().toArray()).map((i) => i.name as string));
  for (const spec of specs) {
    if (!existing.has(spec.name)) await collection.createIndexes([spec as mongo.IndexDescription]);
  }
}

export interface RestoreResult {
  collections: number;
  documents: number;
}

/**
 * Restores a verified backup into `db`. Refuses a database that holds any
 * document unless `force`, which first drops every collection in it.
 */
export async function restoreDatabase(
  db: mongo.Db,
  dir: string,
  { force = false }: { force?: boolean } = {},
): Promise<RestoreResult> {
  const manifest = await verifyBackup(dir);
  const existing = await userCollections(db);
  const occupied: string[] = [];
  for (const { name } of existing) {
    const n = await db.collection(name).countDocuments({});
    if (n > 0) occupied.push(`${name} (${n})`);
  }
  if (occupied.length > 0 && !force) {
    throw new BackupError(
      `The database ${db.databaseName} is not empty: ${occupied.join(", ")}. Restoring would replace its contents; ` +
        "run the restore again with --force to do so, or restore into an empty database.",
    );
  }
  if (force) for (const { name } of existing) await db.collection(name).drop();

  let documents = 0;
  for (const c of manifest.collections) {
    await db.createCollection(c.name, c.options).catch((e: { codeName?: string }) => {
      if (e?.codeName !== "NamespaceExists") throw e;
    });
    const collection = db.collection(c.name);
    let batch: mongo.Document[] = [];
    for await (const line of lines(path.join(dir, c.file))) {
      batch.push(EJSON.parse(line, { relaxed: false }) as mongo.Document);
      if (batch.length >= INSERT_BATCH) {
        await collection.insertMany(batch, { ordered: true });
        batch = [];
      }
    }
    if (batch.length) await collection.insertMany(batch, { ordered: true });
    await createMissingIndexes(collection, c.indexes);
    const count = await collection.countDocuments({});
    if (count !== c.count)
      throw new BackupError(
        `Restoring ${c.name} left ${count} documents instead of ${c.count}; the database is incomplete, restore again with --force.`,
      );
    documents += count;
  }
  return { collections: manifest.collections.length, documents };
}
