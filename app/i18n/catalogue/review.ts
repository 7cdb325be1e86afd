import type { Messages } from "./entry";

/** Messages of the review namespace; every key starts with "review.". */
export const review = {} satisfies Messages;
