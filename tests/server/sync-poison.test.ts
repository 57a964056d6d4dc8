import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Database } from '../../src/server/db/database';
import { demoPassword } from '../../src/server/seed/seed';
import { newId } from '../../src/shared/domain/ids';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { Rejection } from '../../src/shared/contract/tickets';
import type { Ticket } from '../../src/shared/domain/ticket';
import { maxRequestBytes } from '../../src/shared/server-api/sync';
import { intakeFields } from '../support/fixtures';
import { writeRawOutboxEvent } from '../support/raw-outbox';
import { type StandInRule, standInProxy } from '../support/stand-in-proxy';
import { until } from '../support/until';
import { engines } from './test-server';
import { call, centre, onCleanup, workstation } from './workstations';

const status = (core: Core) => call<SyncStatus>(core, 'sync.status');
const isPush = (path: string) => path.startsWith('/api/sync/push');
/**
 * The text of the one event the stand-in server fails on, as a server with a bug in storing some
 * text would. Valid text: the workstation's own checks (which refuse a NUL before it is ever
 * sent) must let it through, so that only the server's answer can find it.
 */
const poisonMark = 'stand-in fails on this text';

async function proxied(serverUrl: string, rule: StandInRule) {
  const proxy = await standInProxy(serverUrl, rule);
  onCleanup(proxy.close);
  return proxy;
}

async function signedIn(url: string, code: string, username: string): Promise<Core> {
  const core = workstation(url, code);
  await call(core, 'auth.signIn', { username, password: demoPassword });
  await until(`${code} online`, async () => (await status(core)).connection === 'online');
  return core;
}

/** A ticket whose description carries a NUL, written as an older workstation could have left it. */
function writeNulTicket(core: Core, actor: string): string {
  const id = newId();
  const at = new Date().toISOString();
  const fields = { ...intakeFields, description: `楼内停水\u0000三天` };
  writeRawOutboxEvent(core.db, {
    id,
    ticketId: newId(),
    type: 'created',
    at,
    actor,
    origin: core.identity.code,
    payload: { provisionalNo: `${core.identity.code}-009999`, fields },
  });
  return id;
}

/** A ticket made as any other, whose text the stand-in server fails on; the id of its created event. */
async function writeMarkedTicket(core: Core): Promise<string> {
  const ticket = await call<Ticket>(core, 'tickets.create', { fields: { ...intakeFields, description: `楼内停水，${poisonMark}` } });
  const [created] = core.db.prepare(`SELECT id FROM ticket_events WHERE ticket_id = ? AND type = 'created'`).all(ticket.id) as {
    id: string;
  }[];
  return created!.id;
}

const eventsOnServer = async (db: Database, ids: readonly string[]) =>
  (await db.query<{ id: string }>(`SELECT id::text AS id FROM events WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.id).toSorted();

const createdIdsOf = (core: Core) =>
  (
    core.db.prepare(`SELECT id FROM ticket_events WHERE type = 'created' AND origin = ? ORDER BY local_seq`).all(core.identity.code) as {
      id: string;
    }[]
  ).map((r) => r.id);

describe.each(engines)('a workstation meeting poison and failing servers on %s', (engine) => {
  it('delivers the good events around one the server fails on, rejects that one, and still receives what others send', async () => {
    const { db, server } = await centre(engine);
    const proxy = await proxied(server.url, (r) => (isPush(r.path) && r.body.includes(poisonMark) ? 500 : null));
    const a = await signedIn(proxy.url, 'PSN2', 'agent1');
    const b = await signedIn(server.url, 'QTH3', 'agent2');

    await a.sync!.stop();
    for (let i = 0; i < 3; i++) await call(a, 'tickets.create', { fields: { ...intakeFields, description: `停水第${i}天` } });
    const poisonId = await writeMarkedTicket(a);
    for (let i = 3; i < 6; i++) await call(a, 'tickets.create', { fields: { ...intakeFields, description: `停水第${i}天` } });
    const good = createdIdsOf(a).filter((id) => id !== poisonId);
    a.sync!.start();
    const fromB = await call<Ticket>(b, 'tickets.create', { fields: { ...intakeFields, description: '另一台工作站登记的工单' } });

    await until(
      'A has sent everything and has B’s ticket',
      async () => (await status(a)).outboxSize === 0 && (await a.dispatch('tickets.get', { id: fromB.id })).ok,
      30_000,
    );
    expect(await eventsOnServer(db, good)).toEqual(good.toSorted());
    expect(await eventsOnServer(db, [poisonId])).toEqual([]);
    const rejections = await call<Rejection[]>(a, 'tickets.rejections');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ eventId: poisonId, refusal: { code: 'server_failed', params: { status: 500, failures: 3 } } });
    expect((await status(a)).rejected).toBe(1);
    // Split to find it: the failing batches were halved, and the event alone failed three times.
    expect(proxy.seen.filter((s) => isPush(s.path) && s.status === 500).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses at once an event the server refuses alone (400), and delivers the rest', async () => {
    const { db, server } = await centre(engine);
    const proxy = await proxied(server.url, (r) => (isPush(r.path) && r.body.includes(poisonMark) ? 400 : null));
    const a = await signedIn(proxy.url, 'PSR2', 'agent1');
    await a.sync!.stop();
    await call(a, 'tickets.create', { fields: intakeFields });
    const poisonId = await writeMarkedTicket(a);
    await call(a, 'tickets.create', { fields: intakeFields });
    const good = createdIdsOf(a).filter((id) => id !== poisonId);
    a.sync!.start();
    await call(a, 'sync.now');

    await until('outbox empty', async () => (await status(a)).outboxSize === 0);
    expect(await eventsOnServer(db, good)).toEqual(good.toSorted());
    const [refused] = await call<Rejection[]>(a, 'tickets.rejections');
    expect(refused).toMatchObject({
      eventId: poisonId,
      refusal: { code: 'server_refused', params: { status: 400, detail: 'stand-in failure 400' } },
    });
    // The batch, its first half, then the event alone, once: a refusal is a verdict, not retried.
    expect(proxy.seen.filter((s) => isPush(s.path) && s.status === 400).length).toBe(3);
  });

  it('delivers 210 tickets of 4,000 characters in pushes under the byte cap', async () => {
    const { db, server } = await centre(engine);
    const proxy = await proxied(server.url, () => null);
    const a = await signedIn(proxy.url, 'BGG2', 'agent1');
    await a.sync!.stop();
    const description = '楼道灯不亮，电梯停运，'.repeat(400).slice(0, 4000);
    for (let i = 0; i < 210; i++) await call(a, 'tickets.create', { fields: { ...intakeFields, description } });
    a.sync!.start();
    await call(a, 'sync.now');

    await until('all 210 sent', async () => (await status(a)).outboxSize === 0, 60_000);
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'created' AND origin = 'BGG2'`)) as [
      { n: number },
    ];
    expect(n).toBe(210);
    const pushes = proxy.seen.filter((s) => isPush(s.path));
    expect(pushes.map((p) => p.status).filter((s) => s !== 200)).toEqual([]);
    expect(Math.max(...pushes.map((p) => p.bytes))).toBeLessThan(maxRequestBytes / 2);
    expect((await status(a)).rejected).toBe(0);
  }, 120_000);

  it('still pulls what others send while every push fails (500), and rejects nothing: the server, not the event, is failing', async () => {
    const { server } = await centre(engine);
    const proxy = await proxied(server.url, (r) => (isPush(r.path) ? 500 : null));
    const b = await signedIn(server.url, 'QTB3', 'agent2');
    const first = await call<Ticket>(b, 'tickets.create', { fields: intakeFields });
    const a = await signedIn(proxy.url, 'FXA2', 'agent1');
    await until('A has B’s first ticket', async () => (await a.dispatch('tickets.get', { id: first.id })).ok);

    await call(a, 'tickets.create', { fields: intakeFields });
    const second = await call<Ticket>(b, 'tickets.create', { fields: { ...intakeFields, description: '推送失败时仍应收到' } });
    await until('A has B’s second ticket, though its own push fails', async () => (await a.dispatch('tickets.get', { id: second.id })).ok);
    // More failed rounds than it takes to reject a poison event: each round's check push failed too.
    await until('six failed pushes', async () => {
      await call(a, 'sync.now');
      return proxy.seen.filter((s) => isPush(s.path)).length >= 6;
    });
    await until('shown unreachable', async () => (await status(a)).connection === 'unreachable');
    expect(await status(a)).toMatchObject({ outboxSize: 1, rejected: 0 });
  });

  it('marks nothing rejected while the server cannot be reached or is restarting, and delivers once it is back', async () => {
    const { db, server } = await centre(engine);
    let answer: number | 'cut' | null = 'cut';
    const proxy = await proxied(server.url, () => answer);
    const a = workstation(proxy.url, 'UNR2');
    answer = null;
    await call(a, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until('online', async () => (await status(a)).connection === 'online');

    answer = 'cut';
    await call(a, 'tickets.create', { fields: intakeFields });
    const poisonId = writeNulTicket(a, 'agent1');
    await call(a, 'tickets.create', { fields: intakeFields });
    const good = createdIdsOf(a).filter((id) => id !== poisonId);
    for (const failure of ['cut', 503, 502, 504] as const) {
      answer = failure;
      const before = proxy.seen.length;
      await until(`rounds answered ${failure}`, async () => {
        await call(a, 'sync.now');
        return proxy.seen.length >= before + 4;
      });
    }
    await until('shown unreachable', async () => (await status(a)).connection === 'unreachable');
    expect(await status(a)).toMatchObject({ outboxSize: 3, rejected: 0 });

    answer = null;
    await call(a, 'sync.now');
    await until('the good ones delivered', async () => (await eventsOnServer(db, good)).length === 2);
  });
});
