import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { CachedReference } from '../../src/shared/contract/reference';
import type { AdminReferenceItem } from '../../src/shared/server-api/reference-admin';
import { demoPassword } from '../../src/server/seed/seed';
import { LiveTestClient } from '../support/live-client';
import { until } from '../support/until';
import { upsertReference } from '../../src/server/reference/reference-store';
import type { Database } from '../../src/server/db/database';
import { engines } from './test-server';
import { call, centre, liveSocketUp, workstation } from './workstations';

const counter = async (db: Database, name: string) =>
  Number((await db.query<{ value: number }>(`SELECT value FROM counters WHERE name = $1`, [name]))[0]!.value);

/** Long enough that no poll comes during a test: only the live push can bring a change. */
const noPoll = 10 * 60_000;

describe.each(engines)("an administrator's change reaching running workstations on %s", (engine) => {
  it('is pushed to a signed-in workstation within seconds, though no event moved and no poll came', async () => {
    const { db, server } = await centre(engine);
    const agent = workstation(server.url, 'R2A2', undefined, noPoll);
    await call(agent, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await liveSocketUp(db, 'agent1');
    await until('first round done', async () => (await call<SyncStatus>(agent, 'sync.status')).connection === 'online');
    const cachedName = async () => {
      const found = (await call<CachedReference[]>(agent, 'reference.list', { kinds: ['category'] })).find((c) => c.code === 'heating.fee');
      return found?.kind === 'category' ? found.body.zh : undefined;
    };
    expect(await cachedName()).toBe('供暖费');
    const eventsBefore = await counter(db, 'event_seq');

    // The admin works from another workstation, through its console.
    const adminDesk = workstation(server.url, 'R2A3', undefined, noPoll);
    await call(adminDesk, 'auth.signIn', { username: 'admin', password: demoPassword });
    const { items } = await call<{ items: AdminReferenceItem[] }>(adminDesk, 'admin.list', { kind: 'category' });
    const fee = items.find((i) => i.entry.code === 'heating.fee')!;
    if (fee.entry.kind !== 'category') throw new Error('a category');
    const saved = await call<AdminReferenceItem>(adminDesk, 'admin.save', {
      entry: { ...fee.entry, body: { ...fee.entry.body, zh: '供暖收费' } },
      expectedVersion: fee.version,
    });
    expect(saved.changedBy).toBe('admin');
    expect(saved.version).toBeGreaterThan(fee.version);

    await until('the rename on the agent’s workstation', async () => (await cachedName()) === '供暖收费', 10_000);
    expect(await counter(db, 'event_seq')).toBe(eventsBefore);
  });

  it('tells every live socket the version written, whoever wrote it (names, models, imports)', async () => {
    const { db, server } = await centre(engine);
    const agent = workstation(server.url, 'R2A4', undefined, noPoll);
    await call(agent, 'auth.signIn', { username: 'agent2', password: demoPassword });
    await liveSocketUp(db, 'agent2');
    const login = await fetch(new URL('/api/auth/login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lead1', password: demoPassword }),
    });
    const { token } = (await login.json()) as { token: string };
    const socket = await LiveTestClient.connect(server.url);
    socket.send({ type: 'hello', token });
    await socket.next((m) => m.type === 'welcome');
    await upsertReference(db, [{ kind: 'queue', code: 'night', body: { zh: '夜间', en: 'Night' } }]);
    const version = await counter(db, 'reference_version');
    expect((await socket.next((m) => m.type === 'reference')).message).toEqual({ type: 'reference', version });
    socket.close();
    await until('the new queue on the workstation', async () =>
      (await call<CachedReference[]>(agent, 'reference.list', { kinds: ['queue'] })).some((q) => q.code === 'night'),
    );
  });

  it('keeps a draft article out of the agents’ search until it is published, and keeps a retired category’s name', async () => {
    const { db, server } = await centre(engine);
    const agent = workstation(server.url, 'R2A5', undefined, noPoll);
    await call(agent, 'auth.signIn', { username: 'agent3', password: demoPassword });
    await liveSocketUp(db, 'agent3');
    const adminDesk = workstation(server.url, 'R2A6', undefined, noPoll);
    await call(adminDesk, 'auth.signIn', { username: 'admin', password: demoPassword });
    const body = {
      category: 'heating.fee',
      titleZh: '供暖费减免草案',
      titleEn: 'Heating fee relief (draft)',
      bodyZh: '尚未发布。',
      bodyEn: 'Not yet published.',
      keywords: ['减免'],
      status: 'draft' as const,
    };
    const draft = await call<AdminReferenceItem>(adminDesk, 'admin.save', {
      entry: { kind: 'article', code: 'kb-fee-relief', body },
      expectedVersion: null,
    });
    const { items } = await call<{ items: AdminReferenceItem[] }>(adminDesk, 'admin.list', { kind: 'category' });
    const fee = items.find((i) => i.entry.code === 'heating.fee')!;
    if (fee.entry.kind !== 'category') throw new Error('a category');
    await call(adminDesk, 'admin.save', {
      entry: { ...fee.entry, body: { ...fee.entry.body, active: false } },
      expectedVersion: fee.version,
    });

    const cachedCategory = async () =>
      (await call<CachedReference[]>(agent, 'reference.list', { kinds: ['category'] })).find((c) => c.code === 'heating.fee');
    await until('the retirement on the workstation', async () => {
      const category = await cachedCategory();
      return category?.kind === 'category' && category.body.active === false;
    });
    const found = async () => (await call<{ code: string }[]>(agent, 'kb.search', { query: '供暖费减免' })).map((a) => a.code);
    expect((await call<CachedReference[]>(agent, 'reference.list', { kinds: ['article'] })).some((a) => a.code === 'kb-fee-relief')).toBe(
      true,
    );
    expect(await found()).not.toContain('kb-fee-relief');

    await call(adminDesk, 'admin.save', {
      entry: { kind: 'article', code: 'kb-fee-relief', body: { ...body, status: 'published' } },
      expectedVersion: draft.version,
    });
    await until('the published article in the agent’s search', async () => (await found()).includes('kb-fee-relief'));
  });

  it('exports and imports through the administrator’s workstation, refusals with their lines', async () => {
    const { server } = await centre(engine);
    const adminDesk = workstation(server.url, 'R2A7', undefined, noPoll);
    await call(adminDesk, 'auth.signIn', { username: 'admin', password: demoPassword });
    const { filename, csv } = await call<{ filename: string; csv: string }>(adminDesk, 'admin.exportCsv', { kind: 'wrapup' });
    expect(filename).toBe('wrapup.csv');
    const rows = csv.trim().split('\r\n').length - 1;
    expect(await call(adminDesk, 'admin.importCsv', { kind: 'wrapup', csv, apply: true })).toEqual({
      rows,
      created: 0,
      changed: 0,
      unchanged: rows,
      applied: true,
    });
    const refused = await adminDesk.dispatch('admin.importCsv', { kind: 'wrapup', csv: `${csv}late,迟,Late,x,\r\n`, apply: true });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: `line ${rows + 2}`, message: 'order x is not a whole number' }] },
    });
  });
});
