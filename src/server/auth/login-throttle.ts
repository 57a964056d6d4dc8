import type { Database, Queryable } from '../db/database';
import { type SqlFragment, sql } from '../db/sql';

/**
 * Failed sign-ins are counted in the database, so every server process sees the same count, and
 * each attempt is charged *before* its password is checked, under a lock on the username and one
 * on the address: a hundred concurrent guesses get exactly `perAddress` checked, not however many
 * raced past a count taken first.
 *
 * The limits are layered so that nobody can lock an account from somewhere else:
 * - `perAddress` wrong passwords for one username from one address shut that address out of that
 *   account only; the owner at their own workstation is not affected.
 * - `perIp` failures from one address across all usernames stop spraying from it.
 * - `perUsername` counts failures for a username from every address together. It is set far above
 *   `perAddress`, so reaching it takes many addresses (`perUsername / perAddress` at least); it bounds
 *   a distributed guesser to that many tries per window instead of letting the owner be locked out
 *   by a handful of wrong passwords typed anywhere.
 * A successful sign-in clears its own address's failures for that username (and the charge it
 * made), so a busy shared address (a centre behind one NAT) is never throttled by its successes.
 */
export const throttle = { windowMinutes: 15, perAddress: 5, perIp: 30, perUsername: 100 };

// Two advisory lock classes, always taken username first, then address, so two sign-ins never deadlock.
const usernameLock = 17_001;
const addressLock = 17_002;

export type Charge = { admitted: true; id: string } | { admitted: false; retryAfterSeconds: number };

interface CountRow {
  pair: number;
  by_user: number;
  by_ip: number;
  pair_wait: number | null;
  user_wait: number | null;
  ip_wait: number | null;
}

/**
 * Charges one sign-in attempt to `username` at `ip`, or refuses it with how long until a slot
 * frees. An admitted attempt counts as a failure until `succeeded` or `uncharge` takes it back.
 */
export async function chargeAttempt(db: Database, username: string, ip: string): Promise<Charge> {
  // Failures that left the window count for nothing: the table keeps only the last window's, whoever
  // made them. Outside the locks, and skipping rows another sign-in is clearing, so none waits on it.
  await db.query(
    sql`DELETE FROM login_failures WHERE id IN (
       SELECT id FROM login_failures WHERE at <= now() - make_interval(mins => ${throttle.windowMinutes}) FOR UPDATE SKIP LOCKED)`,
  );
  const [row] = await db.transaction(async (tx) => {
    await tx.query(
      sql`SELECT pg_advisory_xact_lock(${usernameLock}, hashtext(${username})), pg_advisory_xact_lock(${addressLock}, hashtext(${ip}))`,
    );
    const window = sql`make_interval(mins => ${throttle.windowMinutes})`;
    const pair = sql`username = ${username} AND ip = ${ip}`;
    const byUser = sql`username = ${username}`;
    const byIp = sql`ip = ${ip}`;
    // Seconds until the oldest failure of a scope leaves the window: when that scope has a slot again.
    const wait = (filter: SqlFragment) =>
      sql`ceil(extract(epoch FROM min(at) FILTER (WHERE ${filter}) + ${window} - clock_timestamp()))::int`;
    // Counted and charged in one statement, whose snapshot is taken after the locks were granted.
    return tx.query<CountRow & { id: string | null }>(
      sql`WITH counted AS (
         SELECT
           count(*) FILTER (WHERE ${pair})::int AS pair,
           count(*) FILTER (WHERE ${byUser})::int AS by_user,
           count(*) FILTER (WHERE ${byIp})::int AS by_ip,
           ${wait(pair)} AS pair_wait,
           ${wait(byUser)} AS user_wait,
           ${wait(byIp)} AS ip_wait
         FROM login_failures
         WHERE at > now() - ${window} AND (${byUser} OR ${byIp})),
       charged AS (
         INSERT INTO login_failures (username, ip)
         SELECT ${username}, ${ip} FROM counted
         WHERE pair < ${throttle.perAddress} AND by_user < ${throttle.perUsername} AND by_ip < ${throttle.perIp}
         RETURNING id::text)
       SELECT counted.*, (SELECT id FROM charged) AS id FROM counted`,
    );
  });
  if (row!.id !== null) return { admitted: true, id: row!.id };
  const over = [
    row!.pair >= throttle.perAddress ? row!.pair_wait : null,
    row!.by_user >= throttle.perUsername ? row!.user_wait : null,
    row!.by_ip >= throttle.perIp ? row!.ip_wait : null,
  ].filter((w): w is number => w !== null);
  return { admitted: false, retryAfterSeconds: Math.min(throttle.windowMinutes * 60, Math.max(1, ...over)) };
}

/** Takes back a charge for an attempt whose password was never checked (the server was too busy). */
export async function uncharge(db: Queryable, id: string): Promise<void> {
  await db.query(sql`DELETE FROM login_failures WHERE id = ${id}::bigint`);
}

/** The right password from this address: its failures for this username, and this attempt's charge, are forgotten. */
export async function succeeded(db: Queryable, username: string, ip: string): Promise<void> {
  await db.query(sql`DELETE FROM login_failures WHERE username = ${username} AND ip = ${ip}`);
}
