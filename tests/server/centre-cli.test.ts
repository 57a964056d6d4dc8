import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/server/db/sql';
import { tempDir } from '../support/temp-dir';
import { startTestServer, type TestServer } from './test-server';

/** `npm run centre`, run as a new centre's operator runs it, on a real PostgreSQL. */
describe('npm run centre: what a new centre does before its first agent signs in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(() => server.close());

  const centre = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/server/centre-cli.ts', ...args], {
        env: { ...process.env, DATABASE_URL: server.url!, LOG_LEVEL: 'silent', ...env },
        timeout: 120_000,
      });
      return { ok: true, out: stdout };
    } catch (error) {
      return { ok: false, out: (error as { stderr: string }).stderr };
    }
  };
  const districts = async () =>
    server.db.query<{ code: string }>(sql`SELECT code FROM reference_items WHERE kind = 'district' AND code LIKE '99%' ORDER BY code`);

  it('creates the first administrator with the password it is given, and refuses a short one', async () => {
    expect(await centre(['admin', 'chief', '总值班长'], { HOTLINE_ADMIN_PASSWORD: 'short' })).toMatchObject({
      ok: false,
      out: expect.stringContaining('password'),
    });
    const made = await centre(['admin', 'chief', '总值班长'], { HOTLINE_ADMIN_PASSWORD: 'a long first password' });
    expect(made).toMatchObject({ ok: true, out: expect.stringContaining('Created administrator chief') });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chief', password: 'a long first password' },
    });
    expect(login.json()).toMatchObject({ user: { role: 'admin', displayName: '总值班长' } });
  }, 240_000);

  it('imports a kind from CSV all or nothing, naming the bad line, and exports it again', async () => {
    const file = path.join(tempDir(), 'districts.csv');
    fs.writeFileSync(file, '\ufeffcode,zh,en\n990001,东城新区,Dongcheng New\n990002,,Nameless\n');
    const refused = await centre(['import', 'district', file]);
    expect(refused.ok).toBe(false);
    expect(refused.out).toMatch(/line 3/);
    expect(await districts()).toEqual([]);

    fs.writeFileSync(file, 'code,zh,en\n990001,东城新区,Dongcheng New\n990002,西城新区,Xicheng New\n');
    expect((await centre(['import', 'district', file, '--check'])).out).toContain('2 new, 0 changed, 0 unchanged; checked only');
    expect(await districts()).toEqual([]);
    expect((await centre(['import', 'district', file])).out).toContain('2 new, 0 changed, 0 unchanged; written');
    expect(await districts()).toEqual([{ code: '990001' }, { code: '990002' }]);

    const exported = await centre(['export', 'district']);
    expect(exported.out).toMatch(/^\ufeffcode,zh,en/);
    expect(exported.out).toContain('990002,西城新区,Xicheng New');
  }, 240_000);
});
