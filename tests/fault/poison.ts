import type { openPostgres } from '../../src/server/db/postgres';
import { seededRandom } from '../../src/server/seed/random';
import { demoPassword } from '../../src/server/seed/seed';

type ServerDb = Awaited<ReturnType<typeof openPostgres>>;

/**
 * The poison the fault harness mixes in: events no workstation of this release would make, as an
 * older or faulty one could have left them in its outbox. Each must end rejected with a reason and
 * never reach the server, and must not hold back anything else.
 */
export const poisonKinds = [
  /** A NUL character in the description: PostgreSQL cannot store it in text. */
  'nul',
  /** A description over the 4,000 characters a field holds. */
  'oversize',
  /** A description of 1.8 MB: larger than a whole push may be. */
  'huge',
  /** A time that is no time (month 13, hour 25). */
  'malformedTime',
] as const;

/** Poison only the server's rules can tell (its clock, its reference data). */
export const serverRulePoisonKinds = [
  /** A well-formed time decades before the server's clock. */
  'absurdTime',
  /** A dispatch to a unit the reference data does not know. */
  'unknownUnit',
] as const;

export type PoisonKind = (typeof poisonKinds)[number] | (typeof serverRulePoisonKinds)[number];

/** Tickets of 4,000 characters made in one burst: about 700 KB, more than one push carries. */
export const bulkTickets = 60;

/**
 * What poison, if any, a step adds, from its own seeded sequence (the seed's other decisions stay
 * as they were): about one step in fourteen adds an event of one of the poison kinds, revokes the
 * agent's sessions mid-sync, or makes a burst of large tickets.
 */
export function pickPoison(seed: number): () => PoisonKind | 'revoke' | 'bulk' | null {
  const random = seededRandom(seed * 7919 + 17);
  const kinds: PoisonKind[] = [...poisonKinds, ...serverRulePoisonKinds];
  return () => {
    if (!random.chance(0.07)) return null;
    const r = random.next();
    return r < 0.2 ? 'revoke' : r < 0.32 ? 'bulk' : random.pick(kinds);
  };
}

/**
 * Signs a user out everywhere through the admin route of a running server, as an administrator
 * would mid-shift. False when no server could do it just then (being killed or restarted).
 */
export function revoker(serverDb: ServerDb, runningPort: () => number | null): (username: string) => Promise<boolean> {
  let adminToken: string | null = null;
  return async (username) => {
    const port = runningPort();
    if (port === null) return false;
    const base = `http://127.0.0.1:${port}`;
    try {
      if (!adminToken) {
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: demoPassword }),
        });
        if (!login.ok) return false;
        adminToken = ((await login.json()) as { token: string }).token;
      }
      const [user] = await serverDb.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
      const response = await fetch(`${base}/api/admin/users/${user!.id}/revoke-sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
      });
      if (response.status === 401) adminToken = null;
      return response.ok;
    } catch {
      return false;
    }
  };
}
