import type { Messages } from "./entry";

/** Messages of the incidents namespace; every key starts with "incidents.". */
export const incidents = {} satisfies Messages;
