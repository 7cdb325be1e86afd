import type { ChildProcess } from "node:child_process";
export declare const projectRoot: string;
export declare const ferretdbBinary: string;
export declare const FERRETDB_VERSION: string;
export declare const missingFerretdbMessage: string;
export declare function hasFerretdb(): boolean;
export declare function freePort(): Promise<number>;
export declare function ping(uri: string, timeoutMs?: number): Promise<boolean>;
export interface EmbeddedDb {
  uri: string;
  port: number;
  stop: () => Promise<void>;
  process: ChildProcess | null;
}
export declare function startEmbeddedDb(opts?: {
  dataDir?: string;
  dbName?: string;
  port?: number;
  quiet?: boolean;
}): Promise<EmbeddedDb>;
export declare function embeddedDbFor(env: Record<string, string | undefined>): Promise<EmbeddedDb | null>;
export { maskUri } from "./mask-uri.mjs";
