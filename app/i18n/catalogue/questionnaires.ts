import type { Messages } from "./entry";

/** Messages of the questionnaires namespace; every key starts with "questionnaires.". */
export const questionnaires = {} satisfies Messages;
