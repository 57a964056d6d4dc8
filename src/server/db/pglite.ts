import { PGlite } from '@electric-sql/pglite';
import { type Database, type Queryable, statement } from './database';
import type { SqlFragment } from './sql';

const parsers = { 20: (value: string) => Number(value) };

/**
 * Embedded PostgreSQL (WASM) for the zero-setup default. It has exactly one session, so a plain
 * query issued while another request's transaction is open would run *inside* that transaction
 * and see its uncommitted rows. Every statement and transaction therefore waits its turn in one
 * queue: PGlite then behaves like a serializable single-connection PostgreSQL.
 * `loadDataDir` clones a dumped database (tests make one template per run: initdb is slow).
 */
export interface PgliteDatabase extends Database {
  /** The whole database as a tarball, to clone quickly with `openPglite({ loadDataDir })`. */
  dump(): Promise<Blob>;
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PgliteDatabase> {
  const db = await PGlite.create(options.dataDir, { parsers, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  const run = async <R>(q: Pick<PGlite, 'query'>, query: SqlFragment | string, params?: readonly unknown[]) => {
    const { text, values } = statement(query, params);
    return (await q.query<R>(text, values)).rows;
  };
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    query: (query: SqlFragment | string, params?: readonly unknown[]) => run(q, query, params),
  });
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => {});
    return result;
  };
  return {
    engine: 'pglite',
    query: (query: SqlFragment | string, params?: readonly unknown[]) => inTurn(() => run(db, query, params)),
    transaction: (fn) => inTurn(() => db.transaction((tx) => fn(asQueryable(tx)))),
    exec: (sql) => inTurn(async () => void (await db.exec(sql))),
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, (payload) => onNotify(payload));
      return unlisten;
    },
    close: () => inTurn(() => db.close()),
    dump: () => inTurn(() => db.dumpDataDir('none')),
  };
}
