import { isDeepStrictEqual } from 'node:util';
import { databaseFile, ownerOnlyCacheKey } from '../../src/main/core';
import { openDatabase } from '../../src/main/store/database';
import type { openPostgres } from '../../src/server/db/postgres';
import type { Agent, SeedReport } from './harness';
import type { PoisonKind } from './poison';

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

/** The sync guarantees of docs/architecture.md, checked once everything has healed and quiesced. */
export async function checkInvariants(
  serverDb: Awaited<ReturnType<typeof openPostgres>>,
  agents: Agent[],
  acknowledged: Map<string, Agent>,
  poison: Map<string, { agent: Agent; kind: PoisonKind }>,
): Promise<Invariant[]> {
  const serverEvents = await serverDb.query<{
    id: string;
    seq: number;
    ticket_id: string;
    type: string;
    actor: string;
    at: Date;
    payload: unknown;
  }>(`SELECT id, seq, ticket_id, type, actor, at, payload FROM events ORDER BY seq`);
  const serverTickets = new Map(
    (await serverDb.query<{ id: string; state: unknown }>(`SELECT id, state FROM tickets`)).map((t) => [t.id, t.state]),
  );
  const onServer = new Map(serverEvents.map((e) => [e.id, e.seq]));

  const caches = agents.map((agent) => {
    const db = openDatabase(databaseFile(agent.dataDir), ownerOnlyCacheKey(agent.dataDir), { readonly: true });
    const events = db.prepare(`SELECT id, server_seq, status, reject_code FROM ticket_events`).all() as {
      id: string;
      server_seq: number | null;
      status: string;
      reject_code: string | null;
    }[];
    const outbox = (db.prepare(`SELECT count(*) AS n FROM outbox`).get() as { n: number }).n;
    const tickets = new Map(
      (db.prepare(`SELECT id, state FROM tickets`).all() as { id: string; state: string }[]).map((t) => [
        t.id,
        JSON.parse(t.state) as unknown,
      ]),
    );
    db.close();
    return { agent, events: new Map(events.map((e) => [e.id, e])), outbox, tickets };
  });

  const lost: string[] = [];
  for (const [eventId, agent] of acknowledged) {
    if (onServer.has(eventId)) continue;
    const local = caches.find((c) => c.agent === agent)!.events.get(eventId);
    if (!(local?.status === 'rejected' && local.reject_code)) lost.push(`${eventId} (${local?.status ?? 'missing'} on ${agent.code})`);
  }
  const rejectedCount = caches.reduce((n, c) => n + [...c.events.values()].filter((e) => e.status === 'rejected').length, 0);

  // The same write stored twice would be two server events with the same content under new ids.
  const fingerprints = new Map<string, number>();
  for (const e of serverEvents) {
    if (e.actor === 'server') continue;
    const key = JSON.stringify([e.ticket_id, e.type, e.actor, e.at.toISOString(), e.payload]);
    fingerprints.set(key, (fingerprints.get(key) ?? 0) + 1);
  }
  const doubled = [...fingerprints.values()].filter((n) => n > 1).length;
  const createdTwice = new Set<string>();
  const seenCreated = new Set<string>();
  for (const e of serverEvents) if (e.type === 'created') (seenCreated.has(e.ticket_id) ? createdTwice : seenCreated).add(e.ticket_id);

  const missingInCache: string[] = [];
  for (const cache of caches) {
    for (const e of serverEvents) {
      const local = cache.events.get(e.id);
      if (!local || local.status !== 'confirmed' || local.server_seq !== e.seq)
        missingInCache.push(`${cache.agent.code}: ${e.id}#${e.seq}`);
    }
    for (const local of cache.events.values()) {
      if (local.status === 'confirmed' && onServer.get(local.id) !== local.server_seq)
        missingInCache.push(`${cache.agent.code} has ${local.id} the server does not`);
    }
  }
  const diverged: string[] = [];
  for (const [id, state] of serverTickets) {
    for (const cache of caches) if (!isDeepStrictEqual(cache.tickets.get(id), state)) diverged.push(`${id} on ${cache.agent.code}`);
  }
  const poisonLeft: string[] = [];
  for (const [eventId, { agent, kind }] of poison) {
    const local = caches.find((c) => c.agent === agent)!.events.get(eventId);
    if (onServer.has(eventId)) poisonLeft.push(`${kind} ${eventId} on the server`);
    else if (!(local?.status === 'rejected' && local.reject_code)) {
      poisonLeft.push(`${kind} ${eventId} ${local?.status ?? 'missing'} on ${agent.code}`);
    }
  }
  const byKind = new Map<string, number>();
  for (const { kind } of poison.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  const kinds = [...byKind].map(([kind, n]) => `${kind} ${n}`);
  const stuck = caches.filter((c) => c.outbox > 0).map((c) => `${c.agent.code}: ${c.outbox}`);
  const sample = (xs: string[]) => xs.slice(0, 3).join('; ') + (xs.length > 3 ? ` … (${xs.length})` : '');

  return [
    {
      name: 'acknowledged events kept',
      ok: lost.length === 0,
      detail: lost.length ? sample(lost) : `${acknowledged.size} acknowledged: on the server, or rejected with a reason (${rejectedCount})`,
    },
    {
      name: 'exactly once on the server',
      ok: doubled === 0 && createdTwice.size === 0,
      detail: `${serverEvents.length} events, ${doubled} doubled writes, ${createdTwice.size} tickets created twice`,
    },
    {
      name: 'every cache holds every event',
      ok: missingInCache.length === 0,
      detail: missingInCache.length ? sample(missingInCache) : `${caches.length} caches × ${serverEvents.length} events`,
    },
    {
      name: 'replicas identical',
      ok: diverged.length === 0,
      detail: diverged.length ? sample(diverged) : `${serverTickets.size} tickets identical on the server and every cache`,
    },
    {
      name: 'poison rejected with a reason, never on the server',
      ok: poisonLeft.length === 0,
      detail: poisonLeft.length
        ? sample(poisonLeft)
        : `${poison.size} poison events (${kinds.join(', ') || 'none'}), each rejected where it was made`,
    },
    { name: 'no outbox stuck', ok: stuck.length === 0, detail: stuck.length ? stuck.join(', ') : 'every outbox empty' },
  ];
}

export function formatReport(r: SeedReport): string {
  const head =
    `seed ${r.seed}: ${r.ok ? 'PASS' : 'FAIL'} in ${r.seconds.toFixed(1)} s — ${r.made} writes (${r.acknowledged} acknowledged), ` +
    `${r.workstationKills} workstation kills, ${r.serverKills} server kills, ${r.partitions} partitions, ` +
    `${r.poison} poison events, ${r.revocations} sessions revoked, ${r.bulks} bursts over the byte cap, ` +
    `${r.dropped} requests dropped, ${r.answersLost} answers lost, ${r.duplicated} pushes duplicated`;
  return [head, ...r.invariants.map((i) => `  ${i.ok ? '✓' : '✗'} ${i.name}: ${i.detail}`)].join('\n');
}
