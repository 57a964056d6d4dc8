import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { callsByName } from '../../src/shared/contract';
import { pushedWhileSignedOut } from '../../src/shared/contract/events';
import { dbState } from '../support/db-state';
import { intakeFields } from '../support/fixtures';
import { startChildHost } from '../support/child-host';
import { rememberedIn, signInHere, testAgent, testPassword } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';
import { WsTestClient } from '../support/ws-client';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0).reverse()) await core.close();
});

function coreIn(dataDir = tempDir(), now?: () => Date): Core {
  const core = openCore({
    dataDir,
    cacheKey: ownerOnlyCacheKey(dataDir),
    host: 'web',
    version: 'test',
    workstationCode: 'S9GN',
    ...(now ? { now } : {}),
  });
  opened.push(core);
  return core;
}

async function value<T>(core: Core, call: string, input: unknown = {}): Promise<T> {
  const answer = await core.dispatch(call, input);
  if (!answer.ok) throw new Error(`${call}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** What a UI would hear: every pushed event, by name. */
function listen(core: Core): string[] {
  const heard: string[] = [];
  core.bus.subscribe((event) => heard.push(event));
  return heard;
}

const answeredSignedOut = [
  'app.info',
  'auth.current',
  'auth.signIn',
  'auth.signOut',
  'auth.unlock',
  'settings.get',
  'settings.update',
  'sync.status',
];

describe('a workstation core nobody is signed in to', () => {
  it('answers only signing in, its own settings and the connection state; every other call is refused and writes nothing', async () => {
    const core = coreIn();
    const allowed = [...callsByName].filter(([, spec]) => spec.whileSignedOut).map(([name]) => name);
    expect(allowed.sort()).toEqual(answeredSignedOut);
    const before = dbState(core.db);
    for (const name of callsByName.keys()) {
      if (allowed.includes(name)) continue;
      const answer = await core.dispatch(name, name === 'tickets.create' ? { fields: intakeFields } : {});
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    }
    expect(dbState(core.db)).toEqual(before);
  });

  it('after sign-out refuses the search, the caller history and intake that answered a moment before', async () => {
    const core = coreIn();
    await signInHere(core);
    const ticket = await value<{ id: string; events?: unknown }>(core, 'tickets.create', { fields: intakeFields });
    expect(await value<unknown[]>(core, 'tickets.search', { query: intakeFields.callerName })).toHaveLength(1);
    expect(await value(core, 'callers.history', { phone: intakeFields.callerPhone! })).toMatchObject({ tickets: [{ id: ticket.id }] });

    await value(core, 'auth.signOut');
    expect(await core.dispatch('tickets.search', { query: intakeFields.callerName })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    expect(await core.dispatch('callers.history', { phone: intakeFields.callerPhone! })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    expect(await core.dispatch('tickets.get', { id: ticket.id })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    const before = dbState(core.db);
    expect(await core.dispatch('tickets.create', { fields: intakeFields })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(dbState(core.db)).toEqual(before);
    expect(await value(core, 'auth.current')).toBeNull();
  });

  it('records every event in the name of the agent signed in, never of the workstation', async () => {
    const core = coreIn();
    await signInHere(core);
    const ticket = await value<{ id: string }>(core, 'tickets.create', { fields: intakeFields });
    await value(core, 'tickets.addNote', { id: ticket.id, text: '来电人补充：三楼也停水' });
    const actors = core.db.prepare(`SELECT DISTINCT actor FROM ticket_events`).pluck().all();
    expect(actors).toEqual([testAgent.username]);
  });

  it('pushes nothing about citizens to a UI nobody is signed in to', async () => {
    const core = coreIn();
    const heard = listen(core);
    await signInHere(core);
    await value(core, 'tickets.create', { fields: intakeFields });
    expect(heard).toContain('tickets.changed');
    await value(core, 'auth.signOut');
    heard.length = 0;
    // What the live socket or a late sync page could still emit after the sign-out.
    core.bus.emit('tickets.changed', { ids: [] });
    core.bus.emit('notices.changed', {
      notices: [{ id: 'n-1', text: '朝阳区停水', from: 'lead1', at: new Date().toISOString(), expiresAt: new Date().toISOString() }],
    });
    core.bus.emit('reference.changed', { count: 1 });
    core.bus.emit('sync.status', await value(core, 'sync.status'));
    expect(heard).toEqual(['sync.status']);
    expect([...pushedWhileSignedOut].sort()).toEqual(['auth.changed', 'settings.changed', 'sync.status']);
  });

  it('signs in offline, with no server, only a user whose verifier this cache keeps, with the right password', async () => {
    const core = coreIn();
    expect(await core.dispatch('auth.signIn', { username: testAgent.username, password: testPassword })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    await signInHere(core);
    await value(core, 'auth.signOut');
    expect(await core.dispatch('auth.signIn', { username: testAgent.username, password: 'not-the-password' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await value(core, 'auth.signIn', { username: testAgent.username, password: testPassword })).toMatchObject({
      username: testAgent.username,
      sessionLive: true,
    });
  });

  it('asks for the password again after a restart when the sign-in was only checked here', async () => {
    const dataDir = tempDir();
    const first = coreIn(dataDir);
    await signInHere(first);
    await opened.pop()!.close();
    const again = coreIn(dataDir);
    expect(await value(again, 'auth.current')).toMatchObject({ username: testAgent.username, sessionLive: false });
    expect(await again.dispatch('tickets.recent', {})).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });
  it('unlocks a screen locked across a restart by signing in again with the same password', async () => {
    const dataDir = tempDir();
    const first = coreIn(dataDir);
    await signInHere(first);
    await value(first, 'auth.lock');
    await opened.pop()!.close();
    const again = coreIn(dataDir);
    expect(await value(again, 'auth.current')).toMatchObject({ locked: true, sessionLive: false });
    expect(await again.dispatch('auth.unlock', { password: 'not-the-password' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await value(again, 'auth.unlock', { password: testPassword })).toMatchObject({ locked: false, sessionLive: true });
    expect(await again.dispatch('tickets.recent', {})).toMatchObject({ ok: true });
  });
});

describe('the lock-out after wrong passwords checked on this workstation', () => {
  it('holds through a restart of the core, and ends after five minutes', async () => {
    const dataDir = tempDir();
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const now = () => new Date(clock);
    const first = coreIn(dataDir, now);
    await signInHere(first);
    await value(first, 'auth.signOut');
    const attempt = (core: Core, password: string) => core.dispatch('auth.signIn', { username: testAgent.username, password });
    for (let i = 0; i < 5; i++) expect(await attempt(first, `guess-${i}`)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await attempt(first, testPassword)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    await opened.pop()!.close();
    const restarted = coreIn(dataDir, now);
    expect(await attempt(restarted, testPassword)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await attempt(restarted, 'guess-5')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    clock += 5 * 60_000 + 1;
    expect(await attempt(restarted, testPassword)).toMatchObject({ ok: true, value: { username: testAgent.username } });
  });

  it('holds through a killed and restarted core process', async () => {
    const dataDir = tempDir();
    const login = await rememberedIn(dataDir);
    const guess = async (host: { url: string }, passwords: string[]) => {
      const client = await WsTestClient.connect(host.url);
      const codes: string[] = [];
      for (const password of passwords) {
        const answer = await client.call('auth.signIn', { ...login, password });
        codes.push(answer === undefined ? 'no answer' : answer.ok ? 'ok' : answer.error.code);
      }
      client.close();
      return codes;
    };
    const first = await startChildHost(dataDir);
    expect(await guess(first, ['a', 'b', 'c', 'd', 'e', login.password])).toEqual([
      ...Array<string>(5).fill('unauthenticated'),
      'rate_limited',
    ]);
    await first.kill();
    const second = await startChildHost(dataDir);
    try {
      expect(await guess(second, [login.password])).toEqual(['rate_limited']);
    } finally {
      await second.kill();
    }
  }, 60_000);
});
