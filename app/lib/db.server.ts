import mongoose from "mongoose";
import { maskUri } from "#scripts/lib/mask-uri.mjs";
import { allModels } from "#models/index.server";
import { getEnv, type Env } from "./env.server";

/**
 * The one database connection of the process, kept across development
 * rebuilds. Queries stay within what both MongoDB 6+ and FerretDB v1 serve.
 */
mongoose.set("strictQuery", true);
// Query operators in a filter value ({ "$gt": "" } from a form or JSON body) become a plain
// equality match: only operators the portal writes itself, marked with trusted()
// (#app/lib/ids.server), act as operators. Input is also parsed by zod first.
mongoose.set("sanitizeFilter", true);
mongoose.set("autoIndex", false); // indexes are built, and their failures reported, by ensureIndexes()
mongoose.set("autoCreate", true);

declare global {
  // eslint-disable-next-line no-var
  var __flowdownDb: { uri: string; ready: Promise<typeof mongoose> } | undefined;
}

export class DatabaseUnavailableError extends Error {
  constructor(uri: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    super(
      `Cannot reach the database at ${maskUri(uri)} (${reason}).\n` +
        "Check that the server is running and reachable from this machine and that MONGODB_URI is right " +
        "(user, password, host, port, database); or unset MONGODB_URI and run 'npm start' to use the embedded database.",
    );
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * True for errors that mean "the database cannot be reached right now" (down,
 * restarting, network), as opposed to a refused query. The driver keeps
 * watching the server and reconnects by itself once it answers again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError } =
    mongoose.mongo;
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  ) {
    return true;
  }
  // while disconnected, mongoose queues model operations and gives up after bufferTimeoutMS
  return error instanceof mongoose.Error && /buffering timed out/.test(error.message);
}

/** The 503 the pages show (through the error boundary) while the database is unreachable. */
export function databaseUnavailableResponse(): Response {
  return new Response("The portal cannot reach its database right now. Try again in a moment.", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store" },
  });
}

/** Runs database work for a request: an unreachable database becomes a thrown 503 response instead of a 500. */
export async function orUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`Database unavailable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      throw databaseUnavailableResponse();
    }
    throw error;
  }
}

/**
 * MONGODB_MAX_POOL_SIZE when set. Otherwise sized for the server (measured with 50 clients doing
 * conditional updates, docs/decisions/010): FerretDB on SQLite has one writer and thrashes under
 * many connections (p99 5.3 s with 50, 0.9 s with 4); on PostgreSQL 20 connections do as well as
 * 100 with fewer server processes; MongoDB keeps the driver's default of 100.
 */
export function poolSize(env: Pick<Env, "MONGODB_MAX_POOL_SIZE" | "FLOWDOWN_EMBEDDED_ENGINE"> = getEnv()): number {
  if (env.MONGODB_MAX_POOL_SIZE) return env.MONGODB_MAX_POOL_SIZE;
  if (env.FLOWDOWN_EMBEDDED_ENGINE === "sqlite") return 4;
  if (env.FLOWDOWN_EMBEDDED_ENGINE === "postgresql") return 20;
  return 100;
}

export async function ensureIndexes(): Promise<void> {
  for (const model of allModels) {
    try {
      await model.createCollection().catch((e: { codeName?: string }) => {
        if (e?.codeName !== "NamespaceExists") throw e;
      });
      await model.createIndexes();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not build the indexes of ${model.collection.collectionName}: ${reason}`);
    }
  }
}

async function open(uri: string): Promise<typeof mongoose> {
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000, maxPoolSize: poolSize() });
  } catch (error) {
    throw new DatabaseUnavailableError(uri, error);
  }
  await ensureIndexes();
  return mongoose;
}

/** Connects once (per process) and builds the indexes; later calls share the same promise. */
export function connectDatabase(uri: string): Promise<typeof mongoose> {
  if (global.__flowdownDb && global.__flowdownDb.uri === uri) return global.__flowdownDb.ready;
  const ready = open(uri);
  global.__flowdownDb = { uri, ready };
  ready.catch(() => {
    if (global.__flowdownDb?.ready === ready) global.__flowdownDb = undefined;
  });
  return ready;
}

export async function disconnectDatabase(): Promise<void> {
  global.__flowdownDb = undefined;
  await mongoose.disconnect();
}
