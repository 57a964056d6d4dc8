import type { Queryable } from '../db/database';

/**
 * Failed logins are counted in the database, not in memory, so every server process behind a load
 * balancer sees the same count. Limits per username stop guessing one account; per address stop
 * spraying many.
 */
export const throttle = { windowMinutes: 15, perUsername: 5, perIp: 30 };

export async function isThrottled(db: Queryable, username: string, ip: string): Promise<boolean> {
  const [row] = await db.query<{ by_user: number; by_ip: number }>(
    `SELECT
       count(*) FILTER (WHERE username = $1)::int AS by_user,
       count(*) FILTER (WHERE ip = $2)::int AS by_ip
     FROM login_failures
     WHERE at > now() - make_interval(mins => $3) AND (username = $1 OR ip = $2)`,
    [username, ip, throttle.windowMinutes],
  );
  return (row?.by_user ?? 0) >= throttle.perUsername || (row?.by_ip ?? 0) >= throttle.perIp;
}

export async function recordFailure(db: Queryable, username: string, ip: string): Promise<void> {
  await db.query(`INSERT INTO login_failures (username, ip) VALUES ($1, $2)`, [username, ip]);
}

export async function clearFailures(db: Queryable, username: string): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE username = $1`, [username]);
}
