import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/**
 * One database server for the integration and browser tests: MONGODB_URI when
 * set (so the same suite runs against real MongoDB), otherwise a throwaway
 * embedded FerretDB in a temporary folder. Each test file then works in its
 * own database on that server.
 */
export default async function setup(project: TestProject) {
  const given = process.env.MONGODB_URI;
  if (given) {
    project.provide("mongoUri", given);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-test-db-"));
  const db = await startEmbeddedDb({ dataDir: dir, quiet: true });
  project.provide("mongoUri", db.uri);
  return async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
