import pg from 'pg';
import { type Database, type Queryable, statement } from './database';
import type { SqlFragment } from './sql';
import { errorMessage } from '../../shared/error-message';

// bigint (int8) and numeric counts as JS numbers: exact up to 2^53, far beyond any sequence here.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const listenRetryMs = [100, 500, 1000, 2000, 5000];

export async function openPostgres(connectionString: string, log: Pick<Console, 'warn'> = console): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', (error) => log.warn('[postgres] idle client error', error.message));
  await pool.query('SELECT 1');

  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    // The caller names the row type of its own SQL text, which pg cannot know: asserted here, once.
    query: async <R>(query: SqlFragment | string, params?: readonly unknown[]) => {
      const { text, values } = statement(query, params);
      return (await client.query(text, values)).rows as R[];
    },
  });

  return {
    engine: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async listen(channel, onNotify) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      let client: pg.Client | null = null;
      let stopped = false;
      let attempt = 0;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString });
        c.on('notification', (message) => message.channel === channel && onNotify(message.payload ?? ''));
        c.on('error', () => {
          // The connection is gone; LISTEN again on a new one and tell the listener to catch up.
          if (stopped || client !== c) return;
          client = null;
          setTimeout(() => void reconnect(), listenRetryMs[Math.min(attempt++, listenRetryMs.length - 1)]);
        });
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        client = c;
        attempt = 0;
      };
      const reconnect = async () => {
        if (stopped) return;
        try {
          await connect();
          onNotify(null);
        } catch (error) {
          log.warn(`[postgres] LISTEN ${channel} reconnect failed`, errorMessage(error));
          setTimeout(() => void reconnect(), listenRetryMs[Math.min(attempt++, listenRetryMs.length - 1)]);
        }
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => {});
      };
    },
    close: () => pool.end(),
  };
}
