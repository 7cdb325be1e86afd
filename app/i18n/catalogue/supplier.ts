import type { Messages } from "./entry";

/** Messages of the supplier namespace; every key starts with "supplier.". */
export const supplier = {} satisfies Messages;
