import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { demoPassword } from '../../src/server/seed/demo-password';
import { engines, freshDatabase, testConfig } from './test-server';

describe.each(engines)('server logs on %s', (engine) => {
  it('never contain a password, a session token, a switch token or an API key, even at trace level', async () => {
    const { db } = await freshDatabase(engine);
    const stream = new PassThrough();
    let log = '';
    const issued: string[] = [];
    stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const app = await buildServer({ db, config: testConfig({ LOG_LEVEL: 'trace' }), logStream: stream });
    try {
      const login = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
      const token = ((await login(demoPassword)).json() as { token: string }).token;
      issued.push(token);
      await login('a-wrong-password-123');
      const auth = { authorization: `Bearer ${token}` };
      const cti = (
        (await app.inject({ method: 'POST', url: '/api/admin/cti-switches', headers: auth, payload: { name: 'pbx' } })).json() as {
          token: string;
        }
      ).token;
      issued.push(cti);
      await app.inject({
        method: 'POST',
        url: `/api/cti/${cti}`,
        payload: { event: 'newCall', from: '13800138000', to: '12345', direction: 'in', callId: 'log-1' },
      });
      await app.inject({ method: 'POST', url: `/api/cti/${cti}`, payload: { event: 'nonsense' } });
      await app.inject({ method: 'POST', url: `/api/cti/${'s'.repeat(43)}x`, payload: {} });
      const apiKey = (
        (await app.inject({ method: 'POST', url: '/api/admin/open311-keys', headers: auth, payload: { name: 'app' } })).json() as {
          apiKey: string;
        }
      ).apiKey;
      issued.push(apiKey);
      await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `api_key=${apiKey}&service_code=no.such`,
      });
    } finally {
      await app.close();
      await db.close();
    }
    expect(log).toContain('"url":"/api/cti/***"'); // the requests were logged, without what authorises them
    expect(issued).toHaveLength(3);
    for (const secret of [demoPassword, 'a-wrong-password-123', 'Bearer ', 's'.repeat(43), ...issued]) expect(log).not.toContain(secret);
    const secrets = [...log.matchAll(/"(token|apiKey)":"([^"]+)"/g)];
    expect(secrets).toEqual([]);
  });
});
