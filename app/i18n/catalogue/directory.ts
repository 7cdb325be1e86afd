import type { Messages } from "./entry";

/** Messages of the directory namespace; every key starts with "directory.". */
export const directory = {} satisfies Messages;
