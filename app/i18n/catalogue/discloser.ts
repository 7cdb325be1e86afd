import type { Messages } from "./entry";

/** Messages of the discloser namespace; every key starts with "discloser.". */
export const discloser = {} satisfies Messages;
