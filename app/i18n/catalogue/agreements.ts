import type { Messages } from "./entry";

/** Messages of the agreements namespace; every key starts with "agreements.". */
export const agreements = {} satisfies Messages;
