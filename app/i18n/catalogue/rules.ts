import type { Messages } from "./entry";

/** Messages of the rules namespace; every key starts with "rules.". */
export const rules = {} satisfies Messages;
