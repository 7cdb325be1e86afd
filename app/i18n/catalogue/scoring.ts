import type { Messages } from "./entry";

/** Messages of the scoring namespace; every key starts with "scoring.". */
export const scoring = {} satisfies Messages;
