import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { monitorAgents } from '../../src/server/monitor/monitor-agents';
import { demoPassword } from '../../src/server/seed/demo-password';
import type { PresenceView } from '../../src/shared/contract/presence';
import type { MonitorAgent, MonitorSnapshot } from '../../src/shared/server-api/monitor';
import { LiveTestClient } from '../support/live-client';
import { until } from '../support/until';
import { bearer, engines } from './test-server';
import { call, centre, onCleanup, workstation } from './workstations';

const login = async (url: string, username: string) => {
  const response = await fetch(new URL('/api/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  return ((await response.json()) as { token: string }).token;
};

/** What a dispatch refusal says: its code, for the assertions. */
const refusedWith = async (core: Core, name: string, input: unknown) => {
  const result = await core.dispatch(name, input);
  return result.ok ? 'accepted' : result.error.code;
};

describe.each(engines)("agents' states on %s: break reasons, raised hands, time in each state", (engine) => {
  async function floor() {
    const { db, server } = await centre(engine);
    const signedIn = async (username: string, code: string) => {
      const core = workstation(server.url, code);
      await call(core, 'auth.signIn', { username, password: demoPassword });
      await until(`${username} online`, async () => (await call<{ connection: string }>(core, 'sync.status')).connection === 'online');
      return core;
    };
    const agent = await signedIn('agent1', 'AGT2');
    const lead = await signedIn('lead1', 'HDR3');
    const agentOnMonitor = async () => (await call<MonitorSnapshot>(lead, 'monitor.snapshot')).agents.find((a) => a.username === 'agent1')!;
    return { db, server, agent, lead, agentOnMonitor };
  }

  it('takes a break for a listed reason only, and the lead sees the reason', async () => {
    const { db, server, agent, agentOnMonitor } = await floor();
    const reasons = await call<{ code: string; zh: string }[]>(agent, 'presence.breakReasons');
    expect(reasons.map((r) => r.code)).toEqual(['rest', 'meal', 'training', 'meeting', 'coaching', 'paperwork']);

    expect(await refusedWith(agent, 'presence.set', { state: 'break', reason: 'nap' })).toBe('conflict');
    expect(await refusedWith(agent, 'presence.set', { state: 'break' })).toBe('invalid_input');
    expect((await call<PresenceView>(agent, 'presence.current')).state).toBe('available');

    await call(agent, 'presence.set', { state: 'break', reason: 'meal' });
    await until('the lead sees the meal break', async () => (await agentOnMonitor()).reason === 'meal');
    expect(await agentOnMonitor()).toMatchObject({ state: 'break', reason: 'meal' });

    // The server checks for itself: a socket sending a break without a reason, or with one the centre
    // does not list, is told why and changes nothing.
    const raw = await LiveTestClient.connect(server.url);
    onCleanup(async () => raw.close());
    raw.send({ type: 'hello', token: await login(server.url, 'agent1'), workstationId: 'raw' });
    await raw.next((m) => m.type === 'welcome');
    raw.send({ type: 'presence', state: 'break' });
    raw.send({ type: 'presence', state: 'break', reason: 'nap' });
    raw.send({ type: 'presence', state: 'available', reason: 'meal' });
    await until('three refusals', () => raw.received.filter((r) => r.message.type === 'error').length === 3);
    const errors = raw.received.flatMap((r) => (r.message.type === 'error' ? [r.message.message] : []));
    expect(errors[0]).toMatch(/needs a reason/);
    expect(errors[1]).toMatch(/No break reason "nap"/);
    expect(errors[2]).toMatch(/Only a break takes a reason/);
    const [row] = await db.query<{ state: string; reason: string }>(
      `SELECT p.state, p.reason FROM presence p JOIN users u ON u.id = p.user_id WHERE u.username = 'agent1'`,
    );
    expect(row).toEqual({ state: 'break', reason: 'meal' });

    // Back, and the break's span is closed with its reason: the spans tell the day.
    await call(agent, 'presence.set', { state: 'available' });
    await until('the lead sees the agent back', async () => (await agentOnMonitor()).state === 'available');
    const spans = await db.query<{ state: string; reason: string | null; open: boolean }>(
      `SELECT s.state, s.reason, s.ended_at IS NULL AS open FROM presence_spans s JOIN users u ON u.id = s.user_id
       WHERE u.username = 'agent1' ORDER BY s.started_at`,
    );
    expect(spans).toEqual([
      { state: 'available', reason: null, open: false },
      { state: 'break', reason: 'meal', open: false },
      { state: 'available', reason: null, open: true },
    ]);
    expect((await agentOnMonitor()).today.break).toBeGreaterThan(0);
  });

  it('brings a raised hand to the leads at once, and the agent learns which lead answered; a second answer is refused', async () => {
    const { server, agent, lead, agentOnMonitor } = await floor();
    const watcher = await LiveTestClient.connect(server.url);
    onCleanup(async () => watcher.close());
    watcher.send({ type: 'hello', token: await login(server.url, 'lead1'), workstationId: 'watch' });
    await watcher.next((m) => m.type === 'welcome');

    const raised = await call<PresenceView>(agent, 'presence.raiseHand', { raised: true });
    expect(raised.helpSince).not.toBeNull();
    const heard = await watcher.next((m) => m.type === 'presence' && m.username === 'agent1' && m.helpSince !== null);
    expect(heard.message).toMatchObject({ state: 'available', helpAnsweredBy: null });
    expect((await agentOnMonitor()).helpSince).not.toBeNull();

    const answered = await call<{ username: string; displayName: string; answeredBy: string }>(lead, 'monitor.answerHand', {});
    expect(answered).toMatchObject({ username: 'agent1', displayName: '张敏', answeredBy: '赵磊' });
    await until('the agent sees the answer', async () => (await call<PresenceView>(agent, 'presence.current')).helpAnsweredBy === '赵磊');
    expect(await call<PresenceView>(agent, 'presence.current')).toMatchObject({ helpSince: null, helpAnsweredBy: '赵磊' });
    expect(await agentOnMonitor()).toMatchObject({ helpSince: null, helpAnsweredBy: '赵磊' });

    // A new hand after the answer stays up through the state changes around it (the break's echo, still
    // naming the last answer's lead, comes back after the hand went up here): only an answer lowers it.
    await call(agent, 'presence.set', { state: 'break', reason: 'meeting' });
    await call(agent, 'presence.raiseHand', { raised: true });
    await until('the lead sees the new hand on a break', async () => {
      const shown = await agentOnMonitor();
      return shown.helpSince !== null && shown.reason === 'meeting';
    });
    await call(agent, 'presence.set', { state: 'available' });
    await until('the lead sees the agent back', async () => (await agentOnMonitor()).state === 'available');
    expect((await call<PresenceView>(agent, 'presence.current')).helpSince).not.toBeNull();
    await call(lead, 'monitor.answerHand', { username: 'agent1' });

    // Another lead (or the same, twice) finds nobody waiting, by name or not.
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/monitor/help/answer',
      headers: bearer(await login(server.url, 'lead1')),
      payload: { username: 'agent1' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/agent1 has no hand raised/) } });
    expect(await refusedWith(lead, 'monitor.answerHand', {})).toBe('conflict');
    // Agents cannot answer hands.
    expect(await refusedWith(agent, 'monitor.answerHand', {})).toBe('forbidden');
  });

  it("gives whoever signs in next on the same workstation a fresh state, not the last agent's break or hand", async () => {
    const { agent, lead, agentOnMonitor } = await floor();
    await call(agent, 'presence.set', { state: 'break', reason: 'meal' });
    await call(agent, 'presence.raiseHand', { raised: true });
    await until('the lead sees the hand', async () => (await agentOnMonitor()).helpSince !== null);
    await call(agent, 'auth.signOut');
    // Signed out is gone from the seat: the hand comes down on the leads' screens too.
    await until('the hand is down', async () => (await agentOnMonitor()).helpSince === null);
    await call(agent, 'auth.signIn', { username: 'agent3', password: demoPassword });
    expect(await call<PresenceView>(agent, 'presence.current')).toMatchObject({ state: 'available', reason: null, helpSince: null });
    const agent3 = async () => (await call<MonitorSnapshot>(lead, 'monitor.snapshot')).agents.find((a) => a.username === 'agent3')!;
    await until('agent3 shown available', async () => (await agent3()).state === 'available');
    expect(await agent3()).toMatchObject({ reason: null, helpSince: null });
  });

  it("adds up today's time in each state from the spans, cutting at midnight and at the snapshot", async () => {
    const { db } = await centre(engine);
    const [user] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'agent2'`);
    const dayStart = new Date('2026-12-01T00:00:00+08:00');
    const at = new Date('2026-12-01T10:00:00+08:00');
    const t = (hhmm: string, day = '12-01') => `2026-${day}T${hhmm}:00+08:00`;
    const spans: [string, string | null, string, string | null][] = [
      ['available', null, t('23:30', '11-30'), t('08:10')], // from yesterday: 8 h 10 min counted
      ['on_call', null, t('08:10'), t('08:20')],
      ['wrap_up', null, t('08:20'), t('08:21')],
      ['break', 'meal', t('08:21'), t('08:51')],
      ['disconnected', null, t('08:51'), t('09:00')], // not counted
      ['break', 'training', t('09:00'), t('09:15')],
      ['available', null, t('09:15'), null], // still open: counted to the snapshot, 45 min
    ];
    await db.query(`DELETE FROM presence_spans WHERE user_id = $1`, [user!.id]);
    for (const [state, reason, started, ended] of spans)
      await db.query(`INSERT INTO presence_spans (user_id, state, reason, started_at, ended_at) VALUES ($1, $2, $3, $4, $5)`, [
        user!.id,
        state,
        reason,
        started,
        ended,
      ]);
    const agent2 = (await monitorAgents(db, dayStart, at)).find((a) => a.username === 'agent2') as MonitorAgent;
    expect(agent2.today).toEqual({ available: (8 * 60 + 10 + 45) * 60, on_call: 600, wrap_up: 60, break: 45 * 60 });
  });
});
