import type { Messages } from "./entry";

/** Messages of the certs namespace; every key starts with "certs.". */
export const certs = {} satisfies Messages;
