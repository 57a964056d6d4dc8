import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../src/shared/server-api/cti';
import { LiveTestClient } from '../support/live-client';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('phone switch (CTI) on %s', (engine) => {
  let server: TestServer;
  let baseUrl: string;
  let token: string;
  const clients: LiveTestClient[] = [];
  let callNo = 0;
  const newCallId = () => `call-${engine}-${++callNo}`;

  beforeAll(async () => {
    server = await startTestServer(engine);
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/cti-switches',
      headers: bearer(await server.token('admin')),
      payload: { name: 'pbx-1' },
    });
    expect(issued.statusCode).toBe(201);
    token = (issued.json() as { token: string }).token;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  const post = (payload: Record<string, unknown> | string, as: 'json' | 'form' = 'json', with_ = token) =>
    server.app.inject({
      method: 'POST',
      url: `/api/cti/${with_}`,
      ...(as === 'form'
        ? {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: typeof payload === 'string' ? payload : new URLSearchParams(payload as Record<string, string>).toString(),
          }
        : { payload }),
    });
  const callOf = async (response: Awaited<ReturnType<typeof post>>) => {
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { call: Call }).call;
  };
  const signedIn = async (username: string) => {
    const client = await LiveTestClient.connect(baseUrl);
    clients.push(client);
    client.send({ type: 'hello', token: await server.token(username) });
    await client.next((m) => m.type === 'welcome');
    return client;
  };

  it('follows a call from ringing to answered (by extension) to ended, form-encoded as switches send it', async () => {
    const callId = newCallId();
    const base = `from=%2B8613800138000&to=12345&direction=in&callId=${callId}`;
    const ringing = await callOf(await post(`event=newCall&${base}&user%5B%5D=agent1&user%5B%5D=agent2&queue=general`, 'form'));
    expect(ringing).toMatchObject({
      id: callId,
      state: 'ringing',
      users: ['agent1', 'agent2'],
      queue: 'general',
      from: '+8613800138000',
      answeredBy: null,
    });
    const answered = await callOf(await post(`event=answer&${base}&answeringNumber=8002`, 'form'));
    expect(answered).toMatchObject({ state: 'answered', answeredBy: 'agent2', users: ['agent1', 'agent2'] });
    expect(answered.answeredAt).not.toBeNull();
    const ended = await callOf(await post(`event=hangup&${base}&cause=normalClearing`, 'form'));
    expect(ended).toMatchObject({ state: 'ended', cause: 'normalClearing', answeredBy: 'agent2' });
  });

  it('takes repeated and late events without moving a call backwards', async () => {
    const callId = newCallId();
    const base = { from: '13900001111', to: '12345', direction: 'in', callId };
    await callOf(await post({ ...base, event: 'newCall', user: ['agent3'] }));
    await callOf(await post({ ...base, event: 'hangup', cause: 'noAnswer' }));
    const late = await callOf(await post({ ...base, event: 'answer', user: 'agent3' }));
    expect(late).toMatchObject({ state: 'ended', cause: 'noAnswer', answeredBy: null, answeredAt: null });
    const again = await callOf(await post({ ...base, event: 'newCall', user: ['agent1'] }));
    expect(again).toMatchObject({ state: 'ended', users: ['agent3'] });
    const unannounced = await callOf(
      await post({ from: '13900002222', to: '12345', direction: 'in', callId: newCallId(), event: 'answer', user: 'agent1' }),
    );
    expect(unannounced).toMatchObject({ state: 'answered', answeredBy: 'agent1' });
  });

  it('pushes the call to the agents it rings and the one who answers, and to leads, not to others', async () => {
    const [agent1, agent3, lead] = [await signedIn('agent1'), await signedIn('agent3'), await signedIn('lead1')];
    const callId = newCallId();
    const base = { from: '010-65123456', to: '12345', direction: 'in', callId };
    await callOf(await post({ ...base, event: 'newCall', user: ['agent1'] }));
    await callOf(await post({ ...base, event: 'answer', user: 'agent1' }));
    await agent1.next((m) => m.type === 'call' && m.call.id === callId && m.call.state === 'ringing');
    await agent1.next((m) => m.type === 'call' && m.call.id === callId && m.call.state === 'answered' && m.call.answeredBy === 'agent1');
    await lead.next((m) => m.type === 'call' && m.call.id === callId && m.call.state === 'answered');
    // Notifications arrive in commit order: once agent3 has a later call, the earlier one would be there.
    await callOf(
      await post({ from: '13700000000', to: '12345', direction: 'in', callId: newCallId(), event: 'newCall', user: ['agent3'] }),
    );
    await agent3.next((m) => m.type === 'call' && m.call.from === '13700000000');
    expect(agent3.received.some((r) => r.message.type === 'call' && r.message.call.id === callId)).toBe(false);
  });

  it('refuses unknown tokens and malformed events, changing nothing', async () => {
    const before = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM calls`);
    const unknown = await post({ event: 'newCall', from: '1', to: '2', direction: 'in', callId: 'x' }, 'json', 'z'.repeat(43));
    expect(unknown.statusCode).toBe(401);
    for (const bad of [
      { event: 'ring', from: '13800138000', to: '12345', direction: 'in', callId: 'b1' },
      { event: 'newCall', from: '13800138000', to: '12345', direction: 'sideways', callId: 'b2' },
      { event: 'newCall', from: '<script>', to: '12345', direction: 'in', callId: 'b3' },
      { event: 'hangup', from: '13800138000', to: '12345', direction: 'in', callId: 'b4' },
      { event: 'hangup', from: '13800138000', to: '12345', direction: 'in', callId: 'b5', cause: 'asleep' },
      { event: 'newCall', from: '13800138000', to: '12345', direction: 'in', callId: '' },
    ]) {
      const response = await post(bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect((response.json() as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect(await server.db.query(`SELECT count(*)::int AS n FROM calls`)).toEqual(before);
  });

  it('lets only admins register switches, and a new token replaces the old', async () => {
    const asAgent = await server.app.inject({
      method: 'POST',
      url: '/api/admin/cti-switches',
      headers: bearer(await server.token('agent1')),
      payload: { name: 'x' },
    });
    expect(asAgent.statusCode).toBe(403);
    const rotated = await server.app.inject({
      method: 'POST',
      url: '/api/admin/cti-switches',
      headers: bearer(await server.token('admin')),
      payload: { name: 'pbx-1' },
    });
    const fresh = (rotated.json() as { token: string }).token;
    const event = { event: 'newCall', from: '13800138000', to: '12345', direction: 'in', callId: newCallId() };
    expect((await post(event, 'json', token)).statusCode).toBe(401);
    expect((await post(event, 'json', fresh)).statusCode).toBe(200);
    token = fresh;
  });
});
