import type { Database } from '../../src/server/db/database';
import { seedDemoTickets } from '../../src/server/seed/seed';
import { bearer, type TestServer } from './test-server';

/** A day of the demo centre, fixed so two runs fill the same rows. */
export const fillNow = new Date('2026-03-02T09:30:00.000Z');

async function expectStatus(what: string, response: Promise<{ statusCode: number; body: string }>, status: number) {
  const answer = await response;
  if (answer.statusCode !== status) throw new Error(`${what}: ${answer.statusCode} ${answer.body}`);
  return JSON.parse(answer.body) as Record<string, unknown>;
}

/**
 * A centre after some use, written by today's code: tickets and their events (pushed, numbered,
 * dispatched, closed), sessions and a failed login, a phone switch and its calls, an Open311 key
 * and request, a published ticket and the audit trail, an incident, a notice, presence.
 */
export async function fillCentre(server: TestServer): Promise<void> {
  const { app, db } = server;
  const users = new Map(
    (
      await db.query<{ id: string; username: string; display_name: string; role: string; unit_code: string | null }>(
        `SELECT id, username, display_name, role, unit_code FROM users`,
      )
    ).map((u) => [
      u.username,
      { id: u.id, username: u.username, displayName: u.display_name, role: u.role as 'agent', unitCode: u.unit_code },
    ]),
  );
  await seedDemoTickets(db, users, { count: 40, seed: 7, days: 20, now: fillNow, timeZone: 'Asia/Shanghai' });
  const lead = bearer(await server.token('lead1'));
  const admin = bearer(await server.token('admin'));
  await server.token('agent1');
  await expectStatus(
    'wrong password',
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent2', password: 'not-it' } }),
    401,
  );

  const { token } = await expectStatus(
    'switch',
    app.inject({ method: 'POST', url: '/api/admin/cti-switches', headers: admin, payload: { name: 'pbx-1' } }),
    201,
  );
  for (const event of [
    { event: 'newCall', callId: 'c-0001', from: '13912345678', to: '12345', direction: 'in', user: ['agent1', 'agent2'], queue: 'general' },
    { event: 'answer', callId: 'c-0001', from: '13912345678', to: '12345', direction: 'in', user: 'agent1', answeringNumber: '8001' },
    { event: 'hangup', callId: 'c-0001', from: '13912345678', to: '12345', direction: 'in', cause: 'normalClearing' },
    { event: 'newCall', callId: 'c-0002', from: '13800002222', to: '12345', direction: 'in', user: ['agent1'] },
  ]) {
    await expectStatus(`cti ${event.event}`, app.inject({ method: 'POST', url: `/api/cti/${token as string}`, payload: event }), 200);
  }
  await expectStatus(
    'wrap-up',
    app.inject({
      method: 'POST',
      url: '/api/calls/c-0001/wrapup',
      headers: bearer(await server.token('agent1')),
      payload: { code: 'ticket' },
    }),
    200,
  );

  const { apiKey } = await expectStatus(
    'open311 key',
    app.inject({ method: 'POST', url: '/api/admin/open311-keys', headers: admin, payload: { name: 'city-app' } }),
    201,
  );
  const form = new URLSearchParams({
    api_key: apiKey as string,
    service_code: 'water.outage',
    address_string: '劲松三区 112 号楼',
    description: '整栋楼停水一天了',
    // As a phone's Chinese keyboard types it: the key is still 13912345678.
    phone: '＋８６ １３９ １２３４ ５６７８',
    'attribute[SCOPE]': 'building',
  });
  await expectStatus(
    'open311 request',
    app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    }),
    200,
  );

  const open = await db.query<{ id: string }>(`SELECT id FROM tickets WHERE status <> 'closed' ORDER BY official_no LIMIT 3`);
  await expectStatus(
    'publish',
    app.inject({
      method: 'POST',
      url: `/api/tickets/${open[0]!.id}/publish`,
      headers: lead,
      payload: { summary: '小区供暖管道维修，预计本周恢复' },
    }),
    200,
  );
  await expectStatus('read', app.inject({ url: `/api/tickets/${open[1]!.id}`, headers: lead }), 200);
  await expectStatus(
    'incident',
    app.inject({
      method: 'POST',
      url: '/api/monitor/incidents',
      headers: lead,
      payload: { title: '劲松地区停水', ticketIds: open.slice(1).map((t) => t.id) },
    }),
    201,
  );
  await expectStatus(
    'notice',
    app.inject({ method: 'POST', url: '/api/monitor/notices', headers: lead, payload: { text: '劲松地区停水，统一答复：今晚恢复' } }),
    201,
  );
  const { id: withdrawn } = await expectStatus(
    'notice to withdraw',
    app.inject({ method: 'POST', url: '/api/monitor/notices', headers: lead, payload: { text: '十点开班会', expiresInMinutes: 60 } }),
    201,
  );
  await expectStatus('withdraw', app.inject({ method: 'DELETE', url: `/api/monitor/notices/${withdrawn as string}`, headers: lead }), 200);
  await setPresence(db, users.get('agent1')!.id);
}

// What the live link writes when an agent's workstation says it is available, after a break the
// day before. The spans are closed and long past, so today's time in each state reads the same later.
const setPresence = async (db: Database, userId: string) => {
  await db.query(`INSERT INTO presence (user_id, workstation_id, state, since) VALUES ($1, 'ws-1', 'available', $2)`, [userId, fillNow]);
  const day = 24 * 3600_000;
  const at = (ms: number) => new Date(fillNow.getTime() - day + ms);
  await db.query(
    `INSERT INTO presence_spans (user_id, state, reason, started_at, ended_at)
     VALUES ($1, 'available', NULL, $2, $3), ($1, 'break', 'meal', $3, $4)`,
    [userId, at(0), at(3600_000), at(5400_000)],
  );
};
