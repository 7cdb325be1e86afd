import mongoose from "mongoose";

/** Route modules must not import mongoose (it would be resolved for the browser bundle); they use these. */
export function isObjectId(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{24}$/i.test(value) && mongoose.isValidObjectId(value);
}

export function toObjectId(value: string): mongoose.Types.ObjectId {
  return new mongoose.Types.ObjectId(value);
}

export function database() {
  const db = mongoose.connection.db;
  if (!db) throw new Error("The database is not connected.");
  return db;
}

/**
 * Marks a filter value built by the portal itself (`{ $in: ids }`) as trusted:
 * mongoose's sanitizeFilter (on globally, see db.server.ts) turns any other
 * object with `$` keys into a plain equality match.
 */
export function trusted<T extends object>(operators: T): T {
  return mongoose.trusted(operators) as T;
}

const buckets = new WeakMap<mongoose.mongo.Db, Map<string, mongoose.mongo.GridFSBucket>>();
/** One GridFS bucket object per connection and name (evidence, reports). */
export function gridFsBucket(name: string): mongoose.mongo.GridFSBucket {
  const db = database();
  let byName = buckets.get(db);
  if (!byName) buckets.set(db, (byName = new Map()));
  let b = byName.get(name);
  if (!b) byName.set(name, (b = new mongoose.mongo.GridFSBucket(db, { bucketName: name })));
  return b;
}
