import type { Messages } from "./entry";

/** Messages of the language namespace; every key starts with "language.". */
export const language = {} satisfies Messages;
