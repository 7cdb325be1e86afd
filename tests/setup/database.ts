import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { afterAll, beforeAll, inject } from "vitest";

/** The test server's URI with another database name. */
export function databaseUri(dbName: string): string {
  const url = new URL(inject("mongoUri"));
  url.pathname = `/${dbName}`;
  return url.toString();
}

export function uniqueDbName(prefix = "t"): string {
  return `flowdown_${prefix}_${crypto.randomBytes(5).toString("hex")}`;
}

/**
 * Gives the calling test file a database of its own: connected before its
 * tests (with indexes built, as at start-up) and dropped after them.
 */
export function setupTestDatabase(): { uri: () => string } {
  const dbName = uniqueDbName();
  const uri = databaseUri(dbName);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-test-data-"));
  process.env.MONGODB_URI = uri;
  process.env.FLOWDOWN_DATA_DIR = dataDir;
  process.env.NODE_ENV = "test";
  beforeAll(async () => {
    const { connectDatabase } = await import("#app/lib/db.server");
    await connectDatabase(uri);
  });
  afterAll(async () => {
    const { disconnectDatabase } = await import("#app/lib/db.server");
    await mongoose.connection.dropDatabase().catch(() => {});
    await disconnectDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { uri: () => uri };
}
