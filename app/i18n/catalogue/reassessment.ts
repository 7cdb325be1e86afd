import type { Messages } from "./entry";

/** Messages of the reassessment namespace; every key starts with "reassessment.". */
export const reassessment = {} satisfies Messages;
