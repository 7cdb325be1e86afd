import type { Messages } from "./entry";

/** Messages of the chain namespace; every key starts with "chain.". */
export const chain = {} satisfies Messages;
