import type { Messages } from "./entry";

/** Messages of the matrix namespace; every key starts with "matrix.". */
export const matrix = {} satisfies Messages;
