import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { CallerHistory } from '../../src/shared/contract/callers';
import type { LoggedCall } from '../../src/shared/contract/calls';
import type { CachedReference } from '../../src/shared/contract/reference';
import type { TicketSummary } from '../../src/shared/contract/tickets';
import type { Ticket } from '../../src/shared/domain/ticket';
import { demoPassword } from '../../src/server/seed/seed';
import { intakeFields } from '../support/fixtures';
import { until } from '../support/until';
import { call, centre, liveSocketUp, workstation } from './workstations';
import { engines } from './test-server';

/** The call screen's core, end to end: switch → server → live socket → workstation cache → calls. */
describe.each(engines)('call screen core (real HTTP and WebSocket) on %s', (engine) => {
  async function signedInWorkstation(username: string, code: string) {
    const { db, server } = await centre(engine);
    const core = workstation(server.url, code);
    await call(core, 'auth.signIn', { username, password: demoPassword });
    await until(
      'reference data cached',
      async () => (await call<CachedReference[]>(core, 'reference.list', { kinds: ['street'] })).length > 300,
    );
    const admin = (
      await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: demoPassword } })
    ).json() as { token: string };
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/cti-switches',
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { name: 'pbx' },
    });
    const cti = (event: Record<string, unknown>) =>
      fetch(new URL(`/api/cti/${(issued.json() as { token: string }).token}`, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
    return { core, cti, db, server };
  }
  const create = (core: Core, fields: Partial<typeof intakeFields>, extra: Record<string, unknown> = {}) =>
    call<Ticket>(core, 'tickets.create', { fields: { ...intakeFields, ...fields }, ...extra });

  it("pops an answered call on the answering agent's workstation and logs it, missed calls marked", async () => {
    const { core, cti, db } = await signedInWorkstation('agent1', 'CSA2');
    const seen: LoggedCall[] = [];
    core.bus.subscribe((event, payload) => event === 'calls.changed' && seen.push(payload as LoggedCall));
    // The switch's events are pushed only to sockets already registered: "online" is the HTTP round, not the socket.
    await liveSocketUp(db, 'agent1');
    const base = { from: '+86 139 1234 5678', to: '12345', direction: 'in' };
    expect((await cti({ ...base, event: 'newCall', callId: 'c1', user: ['agent1', 'agent2'] })).status).toBe(200);
    expect((await cti({ ...base, event: 'answer', callId: 'c1', answeringNumber: '8001' })).status).toBe(200);
    await until('answered call pushed', async () => seen.some((c) => c.id === 'c1' && c.state === 'answered'));
    expect(seen.find((c) => c.state === 'answered')).toMatchObject({ answeredBy: 'agent1', phoneKey: '13912345678', missed: false });
    expect(await call<LoggedCall | null>(core, 'calls.current')).toMatchObject({ id: 'c1' });

    // A call that rang agent1 and was abandoned is missed; one for agent3 only never arrives here.
    await cti({ from: '010-65123456', to: '12345', direction: 'in', event: 'newCall', callId: 'c2', user: ['agent1'] });
    await cti({ from: '010-65123456', to: '12345', direction: 'in', event: 'hangup', callId: 'c2', cause: 'cancel' });
    await cti({ from: '13700000000', to: '12345', direction: 'in', event: 'newCall', callId: 'c3', user: ['agent3'] });
    await until('missed call logged', async () => (await call<LoggedCall[]>(core, 'calls.recent', { missedOnly: true })).length === 1);
    const log = await call<LoggedCall[]>(core, 'calls.recent', {});
    expect(log.map((c) => [c.id, c.missed])).toEqual([
      ['c2', true],
      ['c1', false],
    ]);

    const ticket = await create(core, { callerPhone: '13912345678' }, { callId: 'c1' });
    expect((await call<LoggedCall[]>(core, 'calls.recent', {})).find((c) => c.id === 'c1')?.ticketId).toBe(ticket.id);
  });

  it("finds a caller's history however the number is written, open tickets first, offline too", async () => {
    const { core, server } = await signedInWorkstation('agent2', 'CSB3');
    const closedOne = await create(core, { callerPhone: '010-6512 3456', description: '咨询供暖时间' });
    await call(core, 'tickets.update', { id: closedOne.id, changes: { description: '咨询今年供暖开始时间' } });
    const open = await create(core, { callerPhone: '65123456', description: '暖气不热' });
    await create(core, { callerPhone: '13800000000', description: '别人的工单' });
    await server.app.close(); // the history comes from the local cache

    const history = await call<CallerHistory>(core, 'callers.history', { phone: '+86 10 6512 3456' });
    expect(history).toMatchObject({ phoneKey: '01065123456', total: 2, open: 2, repeatCaller: true });
    expect(history.tickets.map((t) => t.id)).toEqual([open.id, closedOne.id]);
    expect(await call(core, 'callers.history', { phone: '王先生' })).toBeNull();
    expect(await call<CallerHistory>(core, 'callers.history', { phone: '13911112222' })).toMatchObject({ total: 0, repeatCaller: false });
  });

  it('searches cached tickets by number, phone, street name and Chinese of one, two and more characters', async () => {
    const { core } = await signedInWorkstation('agent3', 'CSC4');
    const heating = await create(core, { description: '三号楼暖气不热，室温十五度', streetCode: '110105017', callerPhone: '13511112222' });
    const rubbish = await create(core, {
      description: '小区门口垃圾没人清理',
      streetCode: '110108001',
      districtCode: '110108',
      addressDetail: '中关村南路 3 号',
      callerPhone: '13533334444',
    });
    const ids = async (query: string) => (await call<TicketSummary[]>(core, 'tickets.search', { query })).map((t) => t.id).sort();
    expect(await ids('暖')).toEqual([heating.id]);
    expect(await ids('垃圾')).toEqual([rubbish.id]);
    expect(await ids('暖气不热')).toEqual([heating.id]);
    expect(await ids('劲松')).toEqual([heating.id]); // street name from reference data, not typed text
    expect(await ids('1353333')).toEqual([rubbish.id]);
    expect(await ids(heating.provisionalNo)).toEqual([heating.id]);
    expect(await ids('"; DROP TABLE tickets; --')).toEqual([]);
    expect(await ids('')).toEqual([]);
  });

  it('lists likely duplicates and links or follows up instead of duplicating', async () => {
    const { core } = await signedInWorkstation('agent1', 'CSD5');
    const place = { category: 'heating.temperature', streetCode: '110105017' };
    const first = await create(core, { ...place, description: '劲松三区5号楼暖气不热，室温只有十四度' });
    await create(core, { ...place, description: '楼道灯坏了' });
    await create(core, { category: 'water.outage', streetCode: '110105017', description: '劲松三区5号楼暖气不热' });
    const similar = await call<{ ticket: TicketSummary; similarity: number }[]>(core, 'tickets.similar', {
      ...place,
      description: '5号楼暖气不热，家里很冷',
    });
    expect(similar).toHaveLength(2);
    expect(similar[0]!.ticket.id).toBe(first.id);
    expect(similar[0]!.similarity).toBeGreaterThan(similar[1]!.similarity);

    const duplicate = await create(core, { ...place, description: '5号楼暖气不热，家里很冷' }, { duplicateOf: first.id });
    expect(duplicate.duplicateOf).toBe(first.id);
    const followed = await call<Ticket>(core, 'tickets.followUp', { id: first.id, note: '市民再次来电催办' });
    expect(followed.followUps).toHaveLength(1);
    const [summary] = await call<TicketSummary[]>(core, 'tickets.search', { query: first.provisionalNo });
    expect(summary?.followUps).toBe(1);
    await until(
      'all confirmed by the server',
      async () => (await call<{ outboxSize: number; rejected: number }>(core, 'sync.status')).outboxSize === 0,
    );
    expect((await call<{ rejected: number }>(core, 'sync.status')).rejected).toBe(0);
  });
});
