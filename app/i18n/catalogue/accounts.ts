import type { Messages } from "./entry";

/** Messages of the accounts namespace; every key starts with "accounts.". */
export const accounts = {} satisfies Messages;
