import type { Messages } from "./entry";

/** Messages of the assessments namespace; every key starts with "assessments.". */
export const assessments = {} satisfies Messages;
