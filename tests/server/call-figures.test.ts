import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { issueSwitchToken } from '../../src/server/cti/switches';
import type { Database } from '../../src/server/db/database';
import { seededRandom } from '../../src/server/seed/random';
import { demoPassword } from '../../src/server/seed/demo-password';
import { addTallies, callFigures, emptyTally, type FigureCall, tallyOf } from '../../src/shared/domain/call-figures';
import type { CallFiguresResponse } from '../../src/shared/server-api/call-figures';
import type { MonitorSnapshot } from '../../src/shared/server-api/monitor';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, freshDatabase, testConfig } from './test-server';
import { call, workstation } from './workstations';

/**
 * The centre's clock set to a zone where it is about noon now, so every call of the last half
 * hour is today's and the hours are known without a table of time zones.
 */
function noonZone(): { zone: string; offsetHours: number } {
  const offsetHours = Math.max(-12, Math.min(14, 12 - new Date().getUTCHours()));
  return { zone: offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`, offsetHours };
}

describe.each(engines)('call figures on %s', (engine) => {
  const { zone, offsetHours } = noonZone();
  let db: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let switchId: string;
  let leadToken: string;
  let callNo = 0;

  beforeAll(async () => {
    db = (await freshDatabase(engine)).db;
    app = await buildServer({ db, config: testConfig({ TIMEZONE: zone }), logger: false });
    switchId = (await issueSwitchToken(db, 'pbx-figures')).id;
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lead1', password: demoPassword } });
    leadToken = (login.json() as { token: string }).token;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A call as the switch left it, seconds relative to the database's clock (negative: ago). */
  async function insert(queue: string | null, started: number, answered: number | null, ended: number | null, direction = 'in') {
    const id = `fig-${engine}-${++callNo}`;
    const state = ended !== null ? 'ended' : answered !== null ? 'answered' : 'ringing';
    const offset = (s: number | null) => (s === null ? null : `${s} seconds`);
    await db.query(
      `INSERT INTO calls (id, switch_id, direction, from_number, to_number, queue, state, started_at, answered_at, ended_at)
       VALUES ($1, $2, $3, '13800138000', '12345', $4, $5, date_trunc('milliseconds', now()) + $6::interval,
         date_trunc('milliseconds', now()) + $7::interval, date_trunc('milliseconds', now()) + $8::interval)`,
      [id, switchId, direction, queue, state, offset(started), offset(answered), offset(ended)],
    );
  }
  const figures = async () => {
    const response = await app.inject({ url: '/api/calls/figures', headers: bearer(leadToken) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CallFiguresResponse;
  };
  const clear = () => db.query(`DELETE FROM calls`);

  it('counts a half hour worked out by hand, in total, per queue and per hour', async () => {
    await clear();
    // Ten minutes ago onwards, so all of it falls in the current hour or the one before.
    await insert('general', -600, -590, -470); // waited 10 s, talked 120 s
    await insert('general', -540, -525, -405); // waited 15 s exactly: within
    await insert('water', -480, -440, -380); // waited 40 s; talked 60 s
    await insert('water', -300, null, -292); // a short abandon (8 s)
    await insert(null, -240, null, -180); // abandoned after 60 s
    await insert('general', -120, -115, null); // still talking
    await insert('general', -60, null, null); // ringing for a minute: a miss already
    await insert('general', -600, -599, -100, 'out'); // outbound: not in the figures
    const answer = await figures();
    expect(answer.thresholdSeconds).toBe(15);
    expect(answer.total).toMatchObject({
      offered: 7,
      answered: 4,
      abandoned: 2,
      shortAbandoned: 1,
      answeredInThreshold: 3,
      waitingOverThreshold: 1,
      waiting: 1,
      handled: 3,
      serviceLevel: 3 / 6, // 3 within 15 s ÷ (4 answered + 2 abandoned − 1 short + 1 waiting past 15 s)
      abandonRate: 2 / 6,
      asaSeconds: 70 / 4,
      ahtSeconds: 300 / 3,
    });
    expect(answer.byQueue.map((q) => [q.queue, q.offered, q.answered, q.abandoned])).toEqual([
      ['general', 4, 3, 0],
      ['water', 2, 1, 1],
      [null, 1, 0, 1],
    ]);
    expect(answer.byHour).toHaveLength(24);
    expect(answer.byHour.reduce((n, h) => n + h.offered, 0)).toBe(7);
    const hourNow = (new Date(answer.at).getUTCHours() + offsetHours + 24) % 24;
    const thisHour = answer.byHour[hourNow]!;
    const started = (secondsAgo: number) => (new Date(Date.parse(answer.at) - secondsAgo * 1000).getUTCHours() + offsetHours + 24) % 24;
    expect(thisHour.offered).toBe([600, 540, 480, 300, 240, 120, 60].filter((s) => started(s) === hourNow).length);
  });

  it('takes the usual for each hour from the same weekday of the four weeks before', async () => {
    await clear();
    const week = 7 * 86_400;
    await insert('general', -week, -week + 5, -week + 60);
    await insert('general', -2 * week, null, -2 * week + 30);
    await insert('general', -2 * week + 1, null, -2 * week + 30);
    await insert('general', -5 * week, -5 * week + 5, -5 * week + 60); // five weeks ago: too long ago
    await insert('general', -3 * 86_400, -3 * 86_400 + 5, -3 * 86_400 + 60); // another weekday
    const answer = await figures();
    const hourNow = (new Date(answer.at).getUTCHours() + offsetHours + 24) % 24;
    expect(answer.usualWeeks).toBe(4);
    expect(answer.byHour[hourNow]!.usual).toBe(3 / 4);
    expect(answer.byHour.reduce((n, h) => n + h.usual, 0)).toBe(3 / 4);
    expect(answer.total.offered).toBe(0); // none of them today
  });

  it('compares tickets per hour with the same weekday of the four weeks before too', async () => {
    const by = eventsBy('agent1', 'CFTK');
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const events = [7, 14, 14, 3, 35].map((days) => ({ ...by.created({ description: `${days} 天前的工单` }), at: ago(days) }));
    const agentLogin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent1', password: demoPassword },
    });
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer((agentLogin.json() as { token: string }).token),
      payload: { events },
    });
    expect(pushed.statusCode).toBe(200);
    const snapshot = (await app.inject({ url: '/api/monitor/snapshot', headers: bearer(leadToken) })).json() as MonitorSnapshot;
    const hourNow = (new Date(snapshot.at).getUTCHours() + offsetHours + 24) % 24;
    // 7 and 14 days ago (three tickets) ÷ 4 weeks; 3 days ago is another weekday, 35 days ago too long ago.
    expect(snapshot.intakeByHour[hourNow]!.baseline).toBe(3 / 4);
    expect(snapshot.intakeByHour.reduce((n, h) => n + h.baseline, 0)).toBe(3 / 4);
  });

  it('agrees with the shared definition on a few hundred random calls', async () => {
    await clear();
    const random = seededRandom(20);
    const queues = ['general', 'water', 'heating', null];
    for (let i = 0; i < 300; i++) {
      const started = -random.int(1, 1800) - random.next();
      const outcome = random.int(0, 3);
      const wait = random.int(0, 40) + random.pick([0, 0.0005, 0.25]);
      await insert(
        random.pick(queues),
        started,
        outcome >= 2 ? Math.min(started + wait, 0) : null,
        outcome === 3 ? Math.min(started + wait + random.int(1, 300), 0) : outcome === 1 ? Math.min(started + wait, 0) : null,
        random.chance(0.1) ? 'out' : 'in',
      );
    }
    const answer = await figures();
    const rows = await db.query<{ queue: string | null; direction: 'in' | 'out'; s: Date; a: Date | null; e: Date | null }>(
      `SELECT queue, direction, started_at AS s, answered_at AS a, ended_at AS e FROM calls`,
    );
    const calls = rows.map((r): FigureCall & { queue: string | null } => ({
      queue: r.queue,
      direction: r.direction,
      startedAt: r.s.toISOString(),
      answeredAt: r.a?.toISOString() ?? null,
      endedAt: r.e?.toISOString() ?? null,
    }));
    const now = new Date(answer.at);
    const near = (figures: object) =>
      Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v]));
    expect(answer.total).toEqual(near(callFigures(calls, 15, now)));
    for (const queue of queues) {
      const mine = calls.filter((c) => c.queue === queue);
      expect(answer.byQueue.find((q) => q.queue === queue)).toEqual(near({ queue, ...callFigures(mine, 15, now) }));
    }
    const hourOf = (iso: string) => (new Date(iso).getUTCHours() + offsetHours + 24) % 24;
    for (const hour of answer.byHour) {
      const tally = calls
        .filter((c) => hourOf(c.startedAt) === hour.hour)
        .reduce((sum, c) => addTallies(sum, tallyOf(c, 15, now)), emptyTally());
      expect(hour.offered).toBe(tally.offered);
      expect(hour.answeredInThreshold).toBe(tally.answeredInThreshold);
      expect(hour.shortAbandoned).toBe(tally.shortAbandoned);
    }
  });

  it('gives a lead the figures through the workstation, and refuses an agent', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/`;
    const lead = workstation(url, 'CFXD');
    await call(lead, 'auth.signIn', { username: 'lead1', password: demoPassword });
    // Waiting callers cross the service-level threshold as time passes: the core's reading is compared
    // with the server's taken just before and just after it, once no caller crossed in between.
    for (let attempt = 1; ; attempt++) {
      const before = (await figures()).total;
      const viaCore = (await call<CallFiguresResponse>(lead, 'calls.figures')).total;
      const after = (await figures()).total;
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 5) continue;
      expect(viaCore).toEqual(before);
      break;
    }
    const agent = workstation(url, 'CFAG');
    await call(agent, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await expect(call(agent, 'calls.figures')).rejects.toThrow(/forbidden/);
  });
});
