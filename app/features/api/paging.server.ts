import mongoose from "mongoose";
import { trusted } from "#app/lib/ids.server";
import { problem } from "./http.server";

/**
 * Cursor paging of the API's lists: rows in `_id` order, a cursor is the last
 * `_id` of a page as base64url (opaque to clients, checked when it comes
 * back), and `next` repeats the request's own filters. A walk meets every
 * row once, whatever is edited meanwhile.
 */
export const encodeCursor = (id: string) => Buffer.from(id, "hex").toString("base64url");

export function decodeCursor(cursor: string): string {
  const hex = Buffer.from(cursor, "base64url").toString("hex");
  if (!mongoose.isValidObjectId(hex) || encodeCursor(hex) !== cursor)
    throw problem("bad-request", "The query is not valid.", {
      errors: { cursor: ["Must be a cursor this API returned"] },
    });
  return hex;
}

/** The filter narrowed to the rows after the cursor, if there is one. */
export function afterCursor(filter: Record<string, unknown>, cursor: string | undefined): Record<string, unknown> {
  return cursor ? { ...filter, _id: trusted({ $gt: new mongoose.Types.ObjectId(decodeCursor(cursor)) }) } : filter;
}

/**
 * One page from the rows after the cursor (read with a limit of one more
 * than the page, or all of them): the page, the cursor of the next one and
 * the link to it with the same query, or null after the last.
 */
export function pageOf<T>(
  rows: T[],
  idOf: (row: T) => string,
  query: { limit: number; cursor?: string },
  path: string,
): { page: T[]; nextCursor: string | null; next: string | null } {
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? encodeCursor(idOf(page[page.length - 1])) : null;
  if (!nextCursor) return { page, nextCursor, next: null };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== "cursor") params.set(k, String(v));
  params.set("cursor", nextCursor);
  return { page, nextCursor, next: `${path}?${params}` };
}
