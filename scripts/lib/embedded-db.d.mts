import type { ChildProcess } from "node:child_process";
export declare const projectRoot: string;
export declare const ferretdbBinary: string;
export declare const FERRETDB_VERSION: string;
export declare const missingFerretdbMessage: string;
export declare const sqliteNotice: string;
export type EmbeddedEngine = "postgresql" | "sqlite";
export declare function hasFerretdb(): boolean;
export declare function freePort(): Promise<number>;
export declare function ping(uri: string, timeoutMs?: number): Promise<boolean>;
export declare function chooseEngine(opts: {
  dataDir: string;
  requested?: string;
  env?: Record<string, string | undefined>;
}): { engine: EmbeddedEngine; pg: { binDir: string; major: number } | null; notice: string | null };
export interface EmbeddedDb {
  uri: string;
  port: number;
  engine: EmbeddedEngine;
  stop: () => Promise<void>;
  /** FerretDB (null when an already running server is shared) */
  readonly process: ChildProcess | null;
  /** the private PostgreSQL server (null on SQLite or when shared) */
  readonly postgresProcess: ChildProcess | null;
}
export declare function startEmbeddedDb(opts?: {
  dataDir?: string;
  dbName?: string;
  port?: number;
  quiet?: boolean;
  engine?: EmbeddedEngine;
  env?: Record<string, string | undefined>;
}): Promise<EmbeddedDb>;
export declare function dataDirOf(env: Record<string, string | undefined>): string;
export declare function embeddedDbFor(env: Record<string, string | undefined>): Promise<EmbeddedDb | null>;
export { maskUri } from "./mask-uri.mjs";
