import type { z } from 'zod';

/**
 * Cursors for keyset paging: the sort key of the last row a page returned, opaque to the client.
 * Paging by key, not by position, stays stable while rows arrive: a new row lands before or after
 * the cursor, and no row already listed is listed again. The keys are ASCII (instants, ids, codes).
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key a cursor carries, or null when the text is no cursor of this shape (mistyped, truncated, forged). */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
