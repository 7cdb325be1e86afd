import type { Messages } from "./entry";

/** Messages of the answers namespace; every key starts with "answers.". */
export const answers = {} satisfies Messages;
