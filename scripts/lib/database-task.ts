/** The database a command-line task works on; without one the task stops with `exitCode`. */
export function databaseUri(command: string, exitCode = 1): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error(`MONGODB_URI is not set; run this through \`npm run ${command}\`.`);
    process.exit(exitCode);
  }
  return uri;
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface TaskOptions {
  /** what to print when the task fails (default: the error's message) */
  failure?: (error: unknown) => string;
  /** the exit code of a failure (default 1) */
  failureCode?: number;
  /** a connection other than the portal's own (default: connectDatabase / disconnectDatabase) */
  connect?: (uri: string) => Promise<unknown>;
  disconnect?: () => Promise<unknown>;
}

/**
 * Connects, runs the task, and always disconnects, so the process can end; a failure is
 * printed (not thrown) and sets the exit code.
 */
export async function runDatabaseTask(uri: string, task: () => Promise<void>, opts: TaskOptions = {}) {
  const {
    failure = errorMessage,
    failureCode = 1,
    // the portal's connection is loaded only when used: it registers the models and sets mongoose's
    // options, which a backup on its plain connection must not get
    connect = async (uri: string) => (await import("#app/lib/db.server")).connectDatabase(uri),
    disconnect = async () => (await import("#app/lib/db.server")).disconnectDatabase(),
  } = opts;
  try {
    await connect(uri);
    await task();
  } catch (error) {
    console.error(failure(error));
    process.exitCode = failureCode;
  } finally {
    await disconnect().catch(() => {});
  }
}

/** The origin for links in the e-mails a command-line job sends (see scripts/lib/portal-address.mjs). */
export async function jobOrigin(): Promise<string> {
  const { jobLinkOrigin } = await import("./portal-address.mjs");
  const { dataDirOf } = await import("./embedded-db.mjs");
  return jobLinkOrigin(process.env, dataDirOf(process.env));
}
