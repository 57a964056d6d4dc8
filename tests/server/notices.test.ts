import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { NoticeView } from '../../src/shared/server-api/notices';
import { demoPassword } from '../../src/server/seed/demo-password';
import { until } from '../support/until';
import { bearer, engines } from './test-server';
import { call, centre, workstation } from './workstations';

const shown = async (core: Core) => (await call<{ notices: NoticeView[] }>(core, 'notices.current')).notices.map((n) => n.text);

describe.each(engines)("leads' notices on %s", (engine) => {
  async function setting() {
    const { db, server } = await centre(engine);
    const token = async (username: string) =>
      (
        (await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } })).json() as {
          token: string;
        }
      ).token;
    const signedIn = async (username: string, code: string) => {
      const core = workstation(server.url, code);
      await call(core, 'auth.signIn', { username, password: demoPassword });
      await until(`${username} online`, async () => (await call<{ connection: string }>(core, 'sync.status')).connection === 'online');
      return core;
    };
    return { db, server, token, signedIn };
  }

  it('stays for whoever signs in later until it expires, and a lead can withdraw it everywhere', async () => {
    const { db, server, token, signedIn } = await setting();
    const lead = await signedIn('lead1', 'NTK2');
    const sent = await call<{ sentAt: string; expiresAt: string }>(lead, 'monitor.notice', {
      text: '朝阳区停水，统一答复：今晚恢复',
      expiresInMinutes: 120,
    });
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)).toBe(120 * 60_000);
    await call(lead, 'monitor.notice', { text: '十点开班会' });

    // Signed in after both were sent: the workstation reads what is in force, newest first.
    const agent = await signedIn('agent1', 'NTA3');
    await until('the agent sees both notices', async () => (await shown(agent)).length === 2);
    expect(await shown(agent)).toEqual(['十点开班会', '朝阳区停水，统一答复：今晚恢复']);
    const [meeting] = (await call<{ notices: NoticeView[] }>(agent, 'notices.current')).notices;
    expect(meeting).toMatchObject({ from: '赵磊' });
    expect(Date.parse(meeting!.expiresAt) - Date.parse(meeting!.at)).toBe(8 * 60 * 60_000);

    // Expired (the clock moved on): not read by a workstation that signs in now.
    await db.query(`UPDATE notices SET expires_at = now() - interval '1 second' WHERE text = '朝阳区停水，统一答复：今晚恢复'`);
    const later = await signedIn('agent2', 'NTA4');
    await until('the later agent sees the notice in force', async () => (await shown(later)).length > 0);
    expect(await shown(later)).toEqual(['十点开班会']);

    // Withdrawn: off every status bar at once, and off the list a new sign-in reads.
    await call(lead, 'notices.withdraw', { id: meeting!.id });
    // (The first agent still holds the other notice: its clock, not the database, says when that one ends.)
    await until('withdrawn everywhere', async () => !(await shown(agent)).includes('十点开班会') && (await shown(later)).length === 0);
    const list = await server.app.inject({ url: '/api/notices', headers: bearer(await token('agent1')) });
    expect(list.json()).toEqual({ notices: [] });
  });

  it('refuses a lifetime out of range, an unknown notice and an agent withdrawing one, changing nothing', async () => {
    const { server, token } = await setting();
    const lead = bearer(await token('lead1'));
    for (const expiresInMinutes of [0, 14, 7 * 24 * 60 + 1, 1.5]) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/monitor/notices',
        headers: lead,
        payload: { text: '范围外', expiresInMinutes },
      });
      expect(response.statusCode, String(expiresInMinutes)).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
    const sent = await server.app.inject({ method: 'POST', url: '/api/monitor/notices', headers: lead, payload: { text: '保留' } });
    const { id } = sent.json() as { id: string };
    const unknown = await server.app.inject({
      method: 'DELETE',
      url: '/api/monitor/notices/01900000-0000-7000-8000-000000000000',
      headers: lead,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const byAgent = await server.app.inject({
      method: 'DELETE',
      url: `/api/monitor/notices/${id}`,
      headers: bearer(await token('agent1')),
    });
    expect(byAgent.statusCode).toBe(403);
    const list = await server.app.inject({ url: '/api/notices', headers: bearer(await token('agent1')) });
    expect((list.json() as { notices: NoticeView[] }).notices.map((n) => n.text)).toEqual(['保留']);
  });
});
