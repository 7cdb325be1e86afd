import type { Messages } from "./entry";

/** Messages of the evidence namespace; every key starts with "evidence.". */
export const evidence = {} satisfies Messages;
