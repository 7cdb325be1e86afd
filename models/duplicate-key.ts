/** MongoDB's (and FerretDB's) error code for a write refused by a unique index. */
const DUPLICATE_KEY = 11000;

/** True when `error` is a write refused because a unique key is already taken. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}
