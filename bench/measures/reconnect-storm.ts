import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { randomWorkstationCode } from '../../src/shared/domain/provisional-number';
import type { PushResult } from '../../src/shared/server-api/sync';
import { createSession } from '../../src/server/auth/sessions';
import type { Database } from '../../src/server/db/database';
import { migrateServer } from '../../src/server/db/migrate';
import { openPostgres } from '../../src/server/db/postgres';
import type { Random } from '../../src/server/seed/random';
import { createDatabase } from '../../tests/support/postgres-cluster';
import { postJson } from './server-calls';
import type { MeasureResult } from './stats';
import { offlineTickets } from './synthetic-centre';

/** A simulated workstation: its agent's session and the code its provisional numbers carry. */
export interface SimulatedWorkstation {
  username: string;
  code: string;
  token: string;
}

/**
 * `count` agents, each signed in on a workstation of their own. Users are inserted with one
 * statement sharing agent1's password hash and sessions made directly: 700 scrypt logins would
 * time the login, which a reconnect does not do (its session is still valid).
 */
export async function simulatedWorkstations(
  db: Database,
  random: Random,
  count: number,
  taken: readonly string[],
): Promise<SimulatedWorkstation[]> {
  await db.query(
    `INSERT INTO users (id, username, display_name, role, unit_code, password_hash)
     SELECT gen_random_uuid(), 'bench' || n, '坐席' || n, 'agent', NULL, (SELECT password_hash FROM users WHERE username = 'agent1')
     FROM generate_series(1, $1) AS n`,
    [count],
  );
  const users = await db.query<{ id: string; username: string }>(
    `SELECT id, username FROM users WHERE username LIKE 'bench%' ORDER BY username`,
  );
  const codes = new Set<string>();
  while (codes.size < count) {
    const code = randomWorkstationCode(() => random.next());
    if (!taken.includes(code)) codes.add(code);
  }
  return Promise.all(
    users.map(async (user, i) => {
      const code = [...codes][i]!;
      return { username: user.username, code, token: (await createSession(db, user.id, 12, code)).token };
    }),
  );
}

const psql = (url: string, command: string) =>
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * Measure 4: every workstation pushes its offline tickets at the same moment (one batch each, as
 * the sync engine sends them), to the server in its own process on PostgreSQL. Timed until the
 * last answer; every ticket must come back accepted. Then the rows the server wrote (events, with
 * the numbering the server added, and tickets) are loaded by COPY into an empty database of the
 * same schema on the same cluster, for the baseline.
 */
export async function measureReconnectStorm(options: {
  clusterUrl: string;
  serverDb: Database;
  serverUrl: string;
  workstations: SimulatedWorkstation[];
  perWorkstation: number;
  random: Random;
  dir: string;
}): Promise<MeasureResult> {
  const { clusterUrl, serverDb, serverUrl, workstations, perWorkstation } = options;
  const [{ value: headBefore }] = (await serverDb.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'event_seq'`)) as [
    { value: number },
  ];
  const at = new Date();
  // Bodies are made before the clock starts: only the server's work and the network are timed.
  const pushes = workstations.map((w) => ({
    token: w.token,
    body: JSON.stringify({ events: offlineTickets(options.random, w.code, w.username, perWorkstation, at) }),
  }));
  const started = performance.now();
  const answers = await Promise.all(
    pushes.map(async ({ token, body }) => (await postJson<{ results: PushResult[] }>(serverUrl, '/api/sync/push', body, token)).results),
  );
  const seconds = (performance.now() - started) / 1000;
  const tickets = workstations.length * perWorkstation;
  const accepted = answers.flat().filter((r) => r.status === 'accepted').length;
  if (accepted !== tickets) throw new Error(`reconnect storm: ${accepted} of ${tickets} tickets accepted`);

  // The baseline: the same rows, exported untimed, loaded by COPY into an empty copy of the schema.
  const events = path.join(options.dir, 'storm-events.copy');
  const rows = path.join(options.dir, 'storm-tickets.copy');
  psql(
    clusterUrl,
    `\\copy (SELECT seq, id, ticket_id, type, at, actor, origin, payload FROM events WHERE seq > ${headBefore}) TO '${events}'`,
  );
  psql(clusterUrl, `\\copy (SELECT t.* FROM tickets t WHERE t.last_seq > ${headBefore}) TO '${rows}'`);
  const baselineUrl = await createDatabase(clusterUrl, 'copy_baseline');
  const baseline = await openPostgres(baselineUrl);
  try {
    await migrateServer(baseline);
  } finally {
    await baseline.close();
  }
  const copyStarted = performance.now();
  psql(baselineUrl, `\\copy events (seq, id, ticket_id, type, at, actor, origin, payload) FROM '${events}'`);
  psql(baselineUrl, `\\copy tickets FROM '${rows}'`);
  const copySeconds = (performance.now() - copyStarted) / 1000;

  const rate = tickets / seconds;
  const copyRate = tickets / copySeconds;
  return {
    id: 4,
    measure: 'reconnect storm: 700 × 100 offline tickets vs COPY',
    detail:
      `${workstations.length} workstations × ${perWorkstation} tickets at once onto a ${headBefore.toLocaleString()}-event centre: all accepted in ${seconds.toFixed(1)} s, ` +
      `${Math.round(rate).toLocaleString()} tickets/s, ${Math.round((rate / copyRate) * 100)} % of COPY of the same rows (${Math.round(copyRate).toLocaleString()} tickets/s)`,
    unit: 's',
    median: seconds,
    p99: null,
    target: 'all acked < 60 s, ≥ 25 % of COPY',
    met: seconds < 60 && rate / copyRate >= 0.25,
  };
}
