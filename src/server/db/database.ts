import type { SqlFragment } from './sql';

/** What every query needs: a fragment in, rows back. Same SQL on PostgreSQL and PGlite. */
export interface Queryable {
  query<R = Record<string, unknown>>(query: SqlFragment): Promise<R[]>;
  /** Text as it stands, for migration files and tests; lint keeps the server's own queries on fragments. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** The text and parameters a driver takes, from either form `Queryable.query` accepts. */
export const statement = (query: SqlFragment | string, params?: readonly unknown[]): { text: string; values: unknown[] } =>
  typeof query === 'string' ? { text: query, values: [...(params ?? [])] } : { text: query.text, values: [...query.values] };

export interface Database extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel`, and with `null` after the listening connection
   * was lost and restored (notifications in between are gone: listeners should re-read state).
   */
  listen(channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
