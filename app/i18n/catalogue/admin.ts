import type { Messages } from "./entry";

/** Messages of the admin namespace; every key starts with "admin.". */
export const admin = {} satisfies Messages;
