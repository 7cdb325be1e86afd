import type { Messages } from "./entry";

/** Messages of the pdf namespace; every key starts with "pdf.". */
export const pdf = {} satisfies Messages;
