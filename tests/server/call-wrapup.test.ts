import { describe, expect, it } from 'vitest';
import type { LoggedCall } from '../../src/shared/contract/calls';
import type { CachedReference } from '../../src/shared/contract/reference';
import { demoPassword } from '../../src/server/seed/seed';
import { until } from '../support/until';
import { bearer, engines } from './test-server';
import { call, centre, workstation } from './workstations';

type Row = { wrapup_code: string | null; wrapup_by: string | null; wrapup_at: Date | null };

/** Wrap-up codes at hang-up: kept with the call on the workstation and on the server, checked on both. */
describe.each(engines)('wrap-up codes on %s', (engine) => {
  async function callCentre() {
    const { db, server } = await centre(engine);
    const login = async (username: string) =>
      (
        (await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } })).json() as {
          token: string;
        }
      ).token;
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/cti-switches',
      headers: bearer(await login('admin')),
      payload: { name: 'pbx' },
    });
    const switchToken = (issued.json() as { token: string }).token;
    /** A call agent1 answered and hung up. */
    const answeredCall = async (callId: string) => {
      const base = { from: '13912345678', to: '12345', direction: 'in', callId };
      for (const event of [
        { ...base, event: 'newCall', user: ['agent1', 'agent2'] },
        { ...base, event: 'answer', answeringNumber: '8001' },
        { ...base, event: 'hangup', cause: 'normalClearing' },
      ]) {
        const answer = await server.app.inject({ method: 'POST', url: `/api/cti/${switchToken}`, payload: event });
        expect(answer.statusCode, answer.body).toBe(200);
      }
    };
    const wrapUp = async (callId: string, code: string, username = 'agent1') =>
      server.app.inject({ method: 'POST', url: `/api/calls/${callId}/wrapup`, headers: bearer(await login(username)), payload: { code } });
    const stored = async (callId: string) =>
      (await db.query<Row>(`SELECT wrapup_code, wrapup_by, wrapup_at FROM calls WHERE id = $1`, [callId]))[0]!;
    return { db, server, answeredCall, wrapUp, stored };
  }

  it('stores the code the answering agent gives, the later one replacing it, and refuses anything else with a reason', async () => {
    const { answeredCall, wrapUp, stored } = await callCentre();
    await answeredCall('w-1');
    const given = await wrapUp('w-1', 'transferred');
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({ callId: 'w-1', code: 'transferred' });
    expect(await stored('w-1')).toMatchObject({ wrapup_code: 'transferred', wrapup_by: 'agent1' });
    expect((await wrapUp('w-1', 'ticket')).statusCode).toBe(200);
    expect(await stored('w-1')).toMatchObject({ wrapup_code: 'ticket' });

    const unknown = await wrapUp('w-1', 'chatted');
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json()).toMatchObject({ error: { code: 'conflict', refusal: { code: 'unknown_wrapup', params: { code: 'chatted' } } } });
    const notTheirs = await wrapUp('w-1', 'nuisance', 'agent2');
    expect(notTheirs.statusCode).toBe(403);
    expect((await wrapUp('no-such-call', 'ticket')).statusCode).toBe(404);
    expect((await wrapUp('w-1', '')).statusCode).toBe(400);
    expect((await wrapUp('w-1', 'bad\u0000code')).statusCode).toBe(400);
    expect(await stored('w-1')).toMatchObject({ wrapup_code: 'ticket', wrapup_by: 'agent1' });
  });

  it("keeps the agent's code with the call on the workstation, refuses an unknown one there, and reports it to the server", async () => {
    const { db, server, answeredCall, stored } = await callCentre();
    const core = workstation(server.url, 'WRP2');
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until(
      'wrap-up codes cached',
      async () => (await call<CachedReference[]>(core, 'reference.list', { kinds: ['wrapup'] })).length > 0,
    );
    // The live socket reports presence once it is up: calls rung before that would never reach this workstation.
    await until(
      'live socket up',
      async () => (await db.query(`SELECT 1 FROM presence p JOIN users u ON u.id = p.user_id WHERE u.username = 'agent1'`)).length > 0,
      30_000,
    );
    await answeredCall('w-2');
    await until('the hang-up reached the workstation', async () =>
      (await call<LoggedCall[]>(core, 'calls.recent', {})).some((c) => c.id === 'w-2' && c.state === 'ended'),
    );

    const choices = await call<{ proposed: string | null; choices: { code: string }[] }>(core, 'calls.wrapUpChoices', { callId: 'w-2' });
    expect(choices.proposed).toBeNull(); // no ticket came of it
    expect(choices.choices.map((c) => c.code).slice(0, 3)).toEqual(['answered', 'ticket', 'follow_up']);

    const refused = await core.dispatch('calls.wrapUp', { callId: 'w-2', code: 'chatted' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', refusal: { code: 'unknown_wrapup', params: { code: 'chatted' } } },
    });
    expect(core.db.prepare(`SELECT wrapup_code, wrapup_report FROM calls WHERE id = 'w-2'`).get()).toEqual({
      wrapup_code: null,
      wrapup_report: null,
    });
    expect(await core.dispatch('calls.wrapUp', { callId: 'nope', code: 'nuisance' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    expect(await call<LoggedCall>(core, 'calls.wrapUp', { callId: 'w-2', code: 'nuisance' })).toMatchObject({ wrapupCode: 'nuisance' });
    await until('reported to the server', async () => (await stored('w-2')).wrapup_code === 'nuisance');
    expect(await stored('w-2')).toMatchObject({ wrapup_by: 'agent1' });
    await until(
      'marked as sent',
      async () => core.db.prepare<[], { r: string }>(`SELECT wrapup_report AS r FROM calls WHERE id = 'w-2'`).get()?.r === 'sent',
    );
  });
});
