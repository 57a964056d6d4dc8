import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCacheKey } from '../../src/main/store/cache-key';
import { openDatabase } from '../../src/main/store/database';
import { ServerClient } from '../../src/main/sync/server-client';
import { completeDeferredSignIn, withSession } from '../../src/main/sync/session-requests';
import { SessionSignIn } from '../../src/main/sync/session-signin';
import { demoPassword } from '../../src/server/seed/seed';
import { tempDir } from '../support/temp-dir';
import { engines } from './test-server';
import { centre } from './workstations';

const quiet = { error: () => {}, warn: () => {}, info: () => {} };

async function signedIn(baseUrl: string, username: string) {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
  const client = new ServerClient({ baseUrl });
  const signin = new SessionSignIn({ db, client, workstationId: `ws-${username}`, now: () => new Date() });
  await signin.signIn(username, demoPassword);
  const snapshot = () => withSession(client, signin.session, (c, token) => c.monitorSnapshot(token));
  return { db, client, signin, snapshot };
}

describe.each(engines)("requests made with the agent's session on %s", (engine) => {
  it('answers with the server, and says with a code why not: not allowed, session ended, nobody signed in, server away', async () => {
    const { server } = await centre(engine);
    const lead = await signedIn(server.url, 'lead1');
    expect(await lead.snapshot()).toMatchObject({ head: expect.any(Number) });

    const agent = await signedIn(server.url, 'agent1');
    await expect(agent.snapshot()).rejects.toMatchObject({ code: 'forbidden' });
    await agent.client.logout(agent.signin.session.token()!);
    await expect(agent.snapshot()).rejects.toMatchObject({ code: 'unauthenticated' });
    await agent.signin.signOut();
    await expect(agent.snapshot()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/sign in/) });

    await server.app.close();
    await expect(lead.snapshot()).rejects.toMatchObject({ code: 'unavailable' });
    expect(await completeDeferredSignIn(lead.signin, quiet)).toBe('nothing_waiting');
    lead.db.close();
    agent.db.close();
  });
});
