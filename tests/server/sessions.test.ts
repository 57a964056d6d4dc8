import { describe, expect, it } from 'vitest';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import type { SignedInUser } from '../../src/shared/contract/auth';
import type { SyncStatus } from '../../src/shared/contract/sync';
import { hashPassword } from '../../src/server/auth/password';
import { demoPassword } from '../../src/server/seed/demo-password';
import { intakeFields } from '../support/fixtures';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { call, centre, onCleanup } from './workstations';
import { engines } from './test-server';

/**
 * A workstation whose road to the server can be cut, as a pulled cable would, or pass through a
 * gateway that throttles sign-ins (429, with a code this workstation does not know).
 */
function cuttableWorkstation(serverUrl: string, dataDir = tempDir()) {
  const road = { down: false, throttleLogins: false, throttled: 0 };
  const throttled = () =>
    new Response(JSON.stringify({ error: { code: 'throttled', message: 'Too many sign-ins for this account; wait 15 minutes.' } }), {
      status: 429,
      headers: { 'content-type': 'application/json' },
    });
  const serverFetch: typeof fetch = (input, init) => {
    if (road.down) return Promise.reject(new TypeError('fetch failed: network is down'));
    if (road.throttleLogins && String(input).endsWith('/api/auth/login')) {
      road.throttled += 1;
      return Promise.resolve(throttled());
    }
    return fetch(input, init);
  };
  const open = () => {
    const core = openCore({
      dataDir,
      cacheKey: ownerOnlyCacheKey(dataDir),
      host: 'web',
      version: 'test',
      workstationCode: 'SES2',
      serverUrl,
      serverFetch,
      syncPollMs: 100,
    });
    onCleanup(() => core.close());
    return core;
  };
  return { road, open, dataDir };
}

/** agent1 has signed in on this workstation once (so a verifier is kept) and signed out again. */
async function knownHere(serverUrl: string) {
  const { road, open } = cuttableWorkstation(serverUrl);
  const core = open();
  await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
  await call(core, 'auth.signOut');
  return { road, core };
}

const refusal = async (core: Core, name: string, input: unknown = {}) => {
  const result = await core.dispatch(name, input);
  return result.ok ? 'accepted' : result.error.code;
};
const status = (core: Core) => call<SyncStatus>(core, 'sync.status');
const settingsText = (core: Core) =>
  core.db
    .prepare<[], { value: string }>(`SELECT value FROM settings`)
    .all()
    .map((row) => row.value)
    .join('\n');

describe.each(engines)('sessions on the workstation on %s', (engine) => {
  it('signs in offline against the last password the server accepted, and gets a real session when the server is back', async () => {
    const { server } = await centre(engine);
    const { road, core } = await knownHere(server.url);

    road.down = true;
    expect(await refusal(core, 'auth.signIn', { username: 'agent2', password: demoPassword })).toBe('unavailable'); // never signed in here
    expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: 'not-the-password' })).toBe('unauthenticated');
    const user = await call<SignedInUser>(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    expect(user).toMatchObject({ username: 'agent1', sessionLive: true, locked: false });
    await until('offline', async () => (await status(core)).connection === 'unreachable');
    await call(core, 'tickets.create', { fields: intakeFields });
    expect((await status(core)).outboxSize).toBe(1);
    expect(core.sync!.session.token()).toBeNull();

    road.down = false;
    await until('signed in with the server and synced', async () => {
      const now = await status(core);
      return now.connection === 'online' && now.outboxSize === 0;
    });
    expect(core.sync!.session.token()).not.toBeNull();
  });

  it('throttles guesses checked offline: five wrong passwords lock that user out here', async () => {
    const { server } = await centre(engine);
    const { road, core } = await knownHere(server.url);
    road.down = true;
    for (let i = 0; i < 5; i++)
      expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: `guess-${i}` })).toBe('unauthenticated');
    expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: demoPassword })).toBe('rate_limited');
  });

  it('stops opening offline with a password the server no longer accepts', async () => {
    const { db, server } = await centre(engine);
    const { road, core } = await knownHere(server.url);
    await db.query(`UPDATE users SET password_hash = $1 WHERE username = 'agent1'`, [await hashPassword('a-brand-new-password')]);

    road.down = true;
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword }); // the old one still opens offline…
    road.down = false;
    // signed_out alone could be the state from before the offline sign-in; the session ending is the answer.
    await until('the server refused it', async () => (await call<SignedInUser>(core, 'auth.current'))?.sessionLive === false);
    expect((await status(core)).connection).toBe('signed_out');
    road.down = true; // …but only until the server has said no
    expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: demoPassword })).toBe('unavailable');
  });

  it('locks the screen: nothing but unlock and sign-out is answered, across a restart, until the password', async () => {
    const { server } = await centre(engine);
    const workstation = cuttableWorkstation(server.url);
    let core = workstation.open();
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await call(core, 'tickets.create', { fields: intakeFields });
    const locked = await call<SignedInUser>(core, 'auth.lock');
    expect(locked).toMatchObject({ locked: true, lockAfterMinutes: 10 });

    expect(await refusal(core, 'tickets.search', { query: '停水' })).toBe('unauthenticated');
    expect(await refusal(core, 'callers.history', { phone: intakeFields.callerPhone })).toBe('unauthenticated');
    expect(await refusal(core, 'tickets.create', { fields: intakeFields })).toBe('unauthenticated');

    await core.close(); // a crash or a reload is no way past the lock
    core = workstation.open();
    expect((await call<SignedInUser>(core, 'auth.current'))?.locked).toBe(true);
    expect(await refusal(core, 'tickets.search', { query: '停水' })).toBe('unauthenticated');
    expect(await refusal(core, 'auth.unlock', { password: 'wrong' })).toBe('unauthenticated');

    workstation.road.down = true; // unlocking works offline
    expect(await call<SignedInUser>(core, 'auth.unlock', { password: demoPassword })).toMatchObject({ locked: false });
    expect(await refusal(core, 'tickets.search', { query: '停水' })).toBe('accepted');
  });

  it('signing out wipes the token here and ends it on the server', async () => {
    const { server } = await centre(engine);
    const { open } = cuttableWorkstation(server.url);
    const core = open();
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    const token = core.sync!.session.token()!;
    expect(settingsText(core)).toContain(token);
    expect((await fetch(new URL('/api/auth/me', server.url), { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    await call(core, 'auth.lock');
    await call(core, 'auth.signOut'); // allowed on the lock screen: the next agent takes the seat
    expect(settingsText(core)).not.toContain(token);
    expect(settingsText(core)).not.toContain(demoPassword);
    expect(await call(core, 'auth.current')).toBeNull();
    expect((await fetch(new URL('/api/auth/me', server.url), { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('keeps the offline verifier when the server only throttled the sign-in (429), and drops it on a wrong password (401)', async () => {
    const { server } = await centre(engine);
    const { road, core } = await knownHere(server.url);
    road.throttleLogins = true;
    expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: demoPassword })).toBe('rate_limited');
    road.throttleLogins = false;
    road.down = true;
    expect(await call<SignedInUser>(core, 'auth.signIn', { username: 'agent1', password: demoPassword })).toMatchObject({
      username: 'agent1',
      sessionLive: true,
    });
    await call(core, 'auth.signOut');

    road.down = false;
    expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: 'not-the-password' })).toBe('unauthenticated');
    road.down = true;
    expect(await refusal(core, 'auth.signIn', { username: 'agent1', password: demoPassword })).toBe('unavailable');
  });

  it('keeps waiting with the offline sign-in when the server throttles the deferred sign-in, and gets its session after', async () => {
    const { server } = await centre(engine);
    const { road, core } = await knownHere(server.url);
    road.down = true;
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    road.throttleLogins = true;
    road.down = false;
    // Asked again after a throttled answer: the engine kept the offline sign-in and tries later.
    await until('the deferred sign-in throttled twice', async () => road.throttled >= 2, 20_000);
    expect((await call<SignedInUser>(core, 'auth.current'))?.sessionLive).toBe(true);
    expect((await status(core)).connection).toBe('unreachable');
    road.throttleLogins = false;
    await until('signed in with the server', async () => (await status(core)).connection === 'online');
    expect(core.sync!.session.token()).not.toBeNull();
  });

  it('answers no data once signed out or once the server ended the session, and pushes none', async () => {
    const { server } = await centre(engine);
    const { open } = cuttableWorkstation(server.url);
    const core = open();
    const pushed: string[] = [];
    core.bus.subscribe((event) => pushed.push(event));
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await call(core, 'tickets.create', { fields: intakeFields });
    expect(await refusal(core, 'tickets.search', { query: intakeFields.callerName })).toBe('accepted');
    expect(await refusal(core, 'callers.history', { phone: intakeFields.callerPhone })).toBe('accepted');

    // The server ends the session (revoked, expired): the next round hears 401 and the core closes up.
    const token = core.sync!.session.token()!;
    expect(
      (await fetch(new URL('/api/auth/logout', server.url), { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(204);
    // Wakes the round that hears the 401; refused as signed out when the core has heard it already
    // (the live socket closing with 4401 can get there first).
    await core.dispatch('sync.now', {});
    await until('the session ended here too', async () => (await call<SignedInUser>(core, 'auth.current'))?.sessionLive === false);
    expect(pushed).toContain('auth.changed');
    for (const [name, input] of [
      ['tickets.search', { query: intakeFields.callerName }],
      ['callers.history', { phone: intakeFields.callerPhone }],
      ['tickets.recent', {}],
      ['tickets.create', { fields: intakeFields }],
    ] as const) {
      expect(await refusal(core, name, input), name).toBe('signed_out');
    }
    pushed.length = 0;
    core.bus.emit('notices.changed', {
      notices: [{ id: 'n-1', text: '通知', from: 'lead1', at: new Date().toISOString(), expiresAt: new Date().toISOString() }],
    });
    core.bus.emit('tickets.changed', { ids: [] });
    expect(pushed).toEqual([]);

    // The same password signs in again, and the data is there.
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    expect(await refusal(core, 'tickets.search', { query: intakeFields.callerName })).toBe('accepted');
    await call(core, 'auth.signOut');
    expect(await refusal(core, 'tickets.search', { query: intakeFields.callerName })).toBe('signed_out');
    expect(await refusal(core, 'callers.history', { phone: intakeFields.callerPhone })).toBe('signed_out');
  });
});
