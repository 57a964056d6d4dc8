import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { recordEvent } from '../../src/main/store/ticket-store';
import { newId } from '../../src/shared/domain/ids';
import { demoPassword } from '../../src/server/seed/seed';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { Rejection } from '../../src/shared/contract/tickets';
import type { Ticket } from '../../src/shared/domain/ticket';
import { dbState } from '../support/db-state';
import { intakeFields } from '../support/fixtures';
import { until } from '../support/until';
import { engines, freshDatabase } from './test-server';
import { call, centre, onCleanup, serve, workstation } from './workstations';

const status = (core: Core) => call<SyncStatus>(core, 'sync.status');
const ticket = (core: Core, id: string) => call<Ticket>(core, 'tickets.get', { id });

describe.each(engines)('workstation sync with the server on %s', (engine) => {
  it('signs in, sends a new ticket, and receives its official number', async () => {
    const { db, server } = await centre(engine);
    const core = workstation(server.url, 'K7Q2');
    expect((await status(core)).connection).toBe('signed_out');

    const user = await call<{ username: string; sessionLive: boolean }>(core, 'auth.signIn', {
      username: 'agent1',
      password: demoPassword,
    });
    expect(user).toMatchObject({ username: 'agent1', sessionLive: true });
    const created = await call<Ticket>(core, 'tickets.create', { fields: intakeFields });
    expect(created).toMatchObject({ provisionalNo: 'K7Q2-000001', officialNo: null, createdBy: 'agent1' });

    const numbered = await until('official number', async () => (await ticket(core, created.id)).officialNo);
    expect(numbered).toMatch(/^\d{13}$/);
    // A live hint may start another round at any moment: what must hold is that it settles online and empty.
    await until('online with an empty outbox', async () => {
      const now = await status(core);
      return now.connection === 'online' && now.outboxSize === 0 && now.lastSyncAt !== null;
    });
    const onServer = await db.query<{ official_no: string; provisional_no: string }>(
      `SELECT official_no, provisional_no FROM tickets WHERE id = $1`,
      [created.id],
    );
    expect(onServer).toEqual([{ official_no: numbered, provisional_no: 'K7Q2-000001' }]);
  });

  it('keeps working while the server is down and catches up when it returns, with no duplicates', async () => {
    const { db } = await freshDatabase(engine);
    let server = await serve(db);
    const port = server.port;
    onCleanup(async () => {
      await server.app.close();
      await db.close();
    });
    const core = workstation(server.url, 'K7Q3');
    await call(core, 'auth.signIn', { username: 'agent2', password: demoPassword });
    await until('first sync', async () => (await status(core)).connection === 'online');

    await server.app.close();
    const made: Ticket[] = [];
    for (let i = 0; i < 3; i++)
      made.push(await call<Ticket>(core, 'tickets.create', { fields: { ...intakeFields, description: `停水第${i + 1}天` } }));
    expect(made.map((t) => t.provisionalNo)).toEqual(['K7Q3-000001', 'K7Q3-000002', 'K7Q3-000003']);
    await until('unreachable', async () => (await status(core)).connection === 'unreachable');
    expect((await status(core)).outboxSize).toBe(3);

    server = await serve(db, port);
    await call(core, 'sync.now');
    await until('all numbered', async () => (await Promise.all(made.map((t) => ticket(core, t.id)))).every((t) => t.officialNo));
    await until('online with an empty outbox', async () => {
      const now = await status(core);
      return now.connection === 'online' && now.outboxSize === 0;
    });
    const { n } = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'created' AND origin = 'K7Q3'`))[0]!;
    expect(n).toBe(3);
  });

  it('stores an event once when the answer to its push was lost, and confirms it', async () => {
    const { db, server } = await centre(engine);
    let lost = 0;
    // Delivers the push, then drops the answer: the server has the event, the workstation does not know.
    const losingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/api/sync/push') && lost++ === 0) throw new TypeError('connection reset by peer');
      return response;
    };
    const core = workstation(server.url, 'K7Q4', losingFetch);
    await call(core, 'auth.signIn', { username: 'agent3', password: demoPassword });
    const created = await call<Ticket>(core, 'tickets.create', { fields: intakeFields });
    await until('numbered', async () => (await ticket(core, created.id)).officialNo);
    // The failed push does not stop the round: its pull brings the event down confirmed, so it is never sent again.
    expect(lost).toBe(1);
    const { n } = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE ticket_id = $1 AND type = 'created'`, [created.id])
    )[0]!;
    expect(n).toBe(1);
    expect(dbState(core.db).ticket_events).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: expect.any(String), status: 'confirmed', server_seq: expect.any(Number) })]),
    );
    expect(dbState(core.db).outbox).toEqual([]);
  });

  it("learns of another workstation's ticket from the live hint, long before its next poll", async () => {
    const { db, server } = await centre(engine);
    const maker = workstation(server.url, 'MKR2');
    const watcher = workstation(server.url, 'WCH3', undefined, 10 * 60_000);
    await call(maker, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await call(watcher, 'auth.signIn', { username: 'agent2', password: demoPassword });
    await until('watcher online', async () => (await status(watcher)).connection === 'online');
    // Its live socket is welcomed before it reports its presence: once that is stored, the hub has it.
    await until(
      'watcher live',
      async () => (await db.query(`SELECT 1 FROM presence p JOIN users u ON u.id = p.user_id WHERE u.username = 'agent2'`)).length > 0,
    );
    const created = await call<Ticket>(maker, 'tickets.create', { fields: intakeFields });
    const started = performance.now();
    await until('watcher has it', async () => (await watcher.dispatch('tickets.get', { id: created.id })).ok, 5000);
    console.log(
      `[sync] ticket made on one workstation reached another in ${(performance.now() - started).toFixed(0)} ms (poll every 10 min)`,
    );
  });

  it('merges offline edits of different fields, and refuses the later of two edits of one field with a refusal', async () => {
    const { db, server } = await centre(engine);
    const a = workstation(server.url, 'EDA2');
    const b = workstation(server.url, 'EDB3');
    await call(a, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await call(b, 'auth.signIn', { username: 'agent2', password: demoPassword });
    const created = await call<Ticket>(a, 'tickets.create', { fields: intakeFields });
    await until('B has it numbered', async () => {
      const seen = await b.dispatch('tickets.get', { id: created.id });
      return seen.ok && (seen.value as Ticket).officialNo;
    });

    // Both edit while neither has seen the other's change: A the urgency and the wish, B the wish and the address.
    await b.sync!.stop();
    await call(a, 'tickets.update', { id: created.id, changes: { urgency: 'emergency', callerWants: '今天必须恢复供水' } });
    await until('A pushed', async () => (await status(a)).outboxSize === 0);
    await call(b, 'tickets.update', { id: created.id, changes: { callerWants: '三天内恢复即可' } });
    await call(b, 'tickets.update', { id: created.id, changes: { addressDetail: '劲松三区 113 号楼' } });
    b.sync!.start();
    await call(b, 'sync.now');

    const refused = await until('B told of the clash', async () => (await call<Rejection[]>(b, 'tickets.rejections'))[0]);
    expect(refused.refusal).toEqual({ code: 'field_conflict', params: { fields: ['callerWants'], actor: 'agent1' } });
    await until('both converge', async () => {
      const [ta, tb] = [await ticket(a, created.id), await ticket(b, created.id)];
      return JSON.stringify(ta) === JSON.stringify(tb) && ta.fields.addressDetail === '劲松三区 113 号楼';
    });
    const final = await ticket(a, created.id);
    expect(final.fields).toMatchObject({ urgency: 'emergency', callerWants: '今天必须恢复供水', addressDetail: '劲松三区 113 号楼' });
    const [{ state }] = (await db.query<{ state: Ticket }>(`SELECT state FROM tickets WHERE id = $1`, [created.id])) as [{ state: Ticket }];
    expect(state.fields).toEqual(final.fields);

    // B has reviewed A's change and still wants its own: "retry" makes it again, now on top of A's.
    const retried = await call<Ticket>(b, 'tickets.retryRejected', { eventId: refused.eventId });
    expect(retried.fields.callerWants).toBe('三天内恢复即可');
    await until('the retry is accepted everywhere', async () => (await ticket(a, created.id)).fields.callerWants === '三天内恢复即可');
    expect(await status(b)).toMatchObject({ rejected: 0 });
    await expect(call(b, 'tickets.retryRejected', { eventId: refused.eventId })).rejects.toThrow(/not_found/);
  });

  it("brings two workstations to the same ticket, and shows the loser of a race the server's refusal", async () => {
    const { server } = await centre(engine);
    const a = workstation(server.url, 'AAA2');
    const b = workstation(server.url, 'BBB3');
    await call(a, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await call(b, 'auth.signIn', { username: 'agent2', password: demoPassword });
    const created = await call<Ticket>(a, 'tickets.create', { fields: intakeFields });
    await until('B sees the ticket', async () => (await b.dispatch('tickets.get', { id: created.id })).ok);

    // Both close it before either syncs; whoever the server hears second is refused, and says why.
    closeLocally(a, created.id, 'agent1');
    closeLocally(b, created.id, 'agent2');
    await call(a, 'sync.now');
    await call(b, 'sync.now');
    const rejected = await until('a rejection', () => {
      for (const core of [a, b]) {
        const row = core.db.prepare(`SELECT reject_code, reject_params FROM ticket_events WHERE status = 'rejected'`).get() as
          { reject_code: string; reject_params: string } | undefined;
        if (row) return { code: row.reject_code, params: JSON.parse(row.reject_params) as unknown };
      }
      return null;
    });
    expect(rejected).toEqual({ code: 'invalid_transition', params: { eventType: 'closed', status: 'closed' } });
    // The loser keeps seeing what was refused, and why, until the agent deals with it.
    const loser = [a, b].find((core) => core.db.prepare(`SELECT 1 FROM ticket_events WHERE status = 'rejected'`).get())!;
    const [refused] = await call<Rejection[]>(loser, 'tickets.rejections');
    expect(refused).toMatchObject({ type: 'closed', refusal: rejected });
    expect((await status(loser)).rejected).toBe(1);
    expect(await call(loser, 'tickets.dismissRejection', { eventId: refused!.eventId })).toEqual({ dismissed: true });
    expect(await call(loser, 'tickets.rejections')).toEqual([]);
    expect((await status(loser)).rejected).toBe(0);
    await until('both converge', async () => {
      const [ta, tb] = [await ticket(a, created.id), await ticket(b, created.id)];
      return ta.status === 'closed' && JSON.stringify(ta) === JSON.stringify(tb) && ta.officialNo !== null;
    });
  });
});

/** Closes a ticket through the workstation's one write path, as the lifecycle UI will. */
function closeLocally(core: Core, ticketId: string, actor: string) {
  const at = new Date().toISOString();
  recordEvent(
    core.db,
    { id: newId(), ticketId, type: 'closed', at, actor, origin: core.identity.code, payload: { resolution: 'withdrawn' } },
    at,
  );
}
