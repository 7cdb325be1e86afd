import type { Messages } from "./entry";

/** Messages of the subcontractors namespace; every key starts with "subcontractors.". */
export const subcontractors = {} satisfies Messages;
