import type { Messages } from "./entry";

/** Messages of the dashboard namespace; every key starts with "dashboard.". */
export const dashboard = {} satisfies Messages;
