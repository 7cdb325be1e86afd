import type { Messages } from "./entry";

/** Messages of the reports namespace; every key starts with "reports.". */
export const reports = {} satisfies Messages;
