import path from 'node:path';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { readBootstrap } from '../../src/main/store/cache-scope-store';
import { openDatabase } from '../../src/main/store/database';
import { foldTicket } from '../../src/shared/domain/ticket-fold';
import type { Database } from '../../src/server/db/database';
import { deadlineColumns } from '../../src/server/events/event-rows';
import { referenceLookup } from '../../src/server/reference/reference-store';
import { demoPassword } from '../../src/server/seed/demo-password';
import type { MeasureResult } from './stats';
import { copyInto } from './pg-copy';
import type { SyntheticCentre } from './synthetic-centre';
import { defaultTimeZone } from '../../src/shared/domain/working-calendar';

/**
 * Signs agent1 in on a bench core, as the agent would: the cores that only read a bootstrapped cache
 * have no server, so the password is checked against the verifier the bootstrap's sign-in left.
 */
export async function signInBench(core: Core, username = 'agent1'): Promise<void> {
  const signedIn = await core.dispatch('auth.signIn', { username, password: demoPassword });
  if (!signedIn.ok) throw new Error(`bench sign-in as ${username} failed: ${signedIn.error.message}`);
}

export const openBenchCore = (dataDir: string, serverUrl?: string, workstationCode = 'BNCH'): Core =>
  openCore({
    dataDir,
    cacheKey: ownerOnlyCacheKey(dataDir),
    host: 'web',
    version: 'bench',
    workstationCode,
    serverUrl,
    syncPollMs: 60_000,
  });

/**
 * Puts the centre's history on the server by COPY: its events, and each ticket folded as the push
 * path folds it (deadlines included), then the event counter at the head. Returns the head.
 */
export async function copyCentre(url: string, db: Database, centre: SyntheticCentre): Promise<{ head: number; seconds: number }> {
  const started = performance.now();
  const body = await referenceLookup(db, ['category', 'slaPolicy']);
  const events = copyInto(url, 'events', ['seq', 'id', 'ticket_id', 'type', 'at', 'actor', 'origin', 'payload']);
  const tickets = copyInto(url, 'tickets', [
    'id',
    'official_no',
    'provisional_no',
    'status',
    'request_type',
    'category',
    'urgency',
    'district_code',
    'street_code',
    'caller_phone',
    'unit_codes',
    'created_at',
    'updated_at',
    'last_seq',
    'state',
    'lead_unit',
    'created_by',
    'due_stage',
    'due_started_at',
    'due_at',
    'deadline_known',
  ]);
  let head = 0;
  for (const history of centre.tickets()) {
    for (const { seq, event } of history)
      await events.write([seq, event.id, event.ticketId, event.type, event.at, event.actor, event.origin, JSON.stringify(event.payload)]);
    const { ticket } = foldTicket(history.map((h) => h.event));
    if (!ticket) throw new Error('a synthetic ticket does not fold');
    head = history.at(-1)!.seq;
    const d = deadlineColumns(ticket, body, defaultTimeZone);
    const f = ticket.fields;
    await tickets.write([
      ticket.id,
      ticket.officialNo,
      ticket.provisionalNo,
      ticket.status,
      f.requestType,
      f.category ?? null,
      f.urgency,
      f.districtCode ?? null,
      f.streetCode ?? null,
      f.callerPhone ?? null,
      ticket.unitCodes,
      ticket.createdAt,
      ticket.updatedAt,
      head,
      JSON.stringify(ticket),
      ticket.leadUnitCode ?? null,
      ticket.createdBy ?? null,
      d.stage,
      d.startedAt,
      d.dueAt,
      d.known,
    ]);
  }
  await Promise.all([events.end(), tickets.end()]);
  await db.query(`UPDATE counters SET value = $1 WHERE name = 'event_seq'`, [head]);
  await db.query('ANALYZE events');
  await db.query('ANALYZE tickets');
  return { head, seconds: (performance.now() - started) / 1000 };
}

/**
 * Measure 3, ours: an empty workstation cache signs in to the server and bootstraps every ticket
 * of its scope (HTTP pages, stored with projections and search index). Timed from sign-in to the
 * last page stored; the core is closed afterwards with the cache on disk.
 */
export async function bootstrapWorkstation(
  dataDir: string,
  serverUrl: string,
  log: (line: string) => void,
): Promise<{ tickets: number; seconds: number }> {
  const core = openBenchCore(dataDir, serverUrl);
  try {
    const started = performance.now();
    await signInBench(core);
    let reported = 0;
    for (;;) {
      const progress = readBootstrap(core.db);
      if (progress?.done) break;
      if (progress && progress.loaded >= reported + 100_000) {
        reported = progress.loaded - (progress.loaded % 100_000);
        log(
          `  bootstrap: ${progress.loaded.toLocaleString()} of ${progress.total.toLocaleString()} tickets, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    return { tickets: readBootstrap(core.db)!.loaded, seconds };
  } finally {
    await core.close();
  }
}

/**
 * Measure 3, raw: the same events inserted by one prepared statement into the same table of an
 * equally encrypted, equally durable cache, in transactions of the same size as a bootstrap page
 * (2,000 tickets). Only the inserts are timed, not making the rows.
 */
export function rawInsert(dataDir: string, centre: SyntheticCentre): { seconds: number } {
  const db = openDatabase(path.join(dataDir, 'raw.sqlite3'), ownerOnlyCacheKey(dataDir));
  try {
    const insert = db.prepare(`INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload, server_seq, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed')`);
    const store = db.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(...row);
    });
    let seconds = 0;
    let rows: unknown[][] = [];
    const flush = () => {
      const started = performance.now();
      store(rows);
      seconds += (performance.now() - started) / 1000;
      rows = [];
    };
    let tickets = 0;
    for (const history of centre.tickets()) {
      for (const { seq, event } of history)
        rows.push([event.id, event.ticketId, event.type, event.at, event.actor, event.origin, JSON.stringify(event.payload), seq]);
      if (++tickets % 2000 === 0) flush();
    }
    flush();
    return { seconds };
  } finally {
    db.close();
  }
}

export function bootstrapResult(count: number, ours: { seconds: number }, raw: { seconds: number }): MeasureResult {
  const rate = count / ours.seconds;
  const rawRate = count / raw.seconds;
  const share = rate / rawRate;
  return {
    id: 3,
    measure: 'bootstrap vs raw bulk insert',
    detail:
      `${count.toLocaleString()} tickets from the server on PostgreSQL in ${ours.seconds.toFixed(0)} s: ${Math.round(rate).toLocaleString()} tickets/s, ` +
      `${Math.round(share * 100)} % of a raw insert of the same events (${Math.round(rawRate).toLocaleString()} tickets/s, ${raw.seconds.toFixed(0)} s)`,
    unit: 's',
    median: ours.seconds,
    p99: null,
    target: '≥ 30 % of raw, < 60 s',
    met: share >= 0.3 && ours.seconds < 60,
  };
}
