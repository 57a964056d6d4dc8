import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceEntry } from '../../src/shared/domain/reference';
import type { AdminReferenceItem, EditableKind, ReferenceVersion, RoutingPreview } from '../../src/shared/server-api/reference-admin';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, pushAs, startTestServer, type TestServer } from './test-server';

describe.each(engines)("the administrator's reference data on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const admin = async () => bearer(await server.token('admin'));
  const list = async (kind: EditableKind) => {
    const response = await server.app.inject({ url: `/api/admin/reference?kind=${kind}`, headers: await admin() });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: AdminReferenceItem[] }).items;
  };
  const item = async (kind: EditableKind, code: string) => (await list(kind)).find((i) => i.entry.code === code);
  const save = async (entry: ReferenceEntry, expectedVersion: number | null, username = 'admin') =>
    server.app.inject({
      method: 'PUT',
      url: '/api/admin/reference',
      headers: bearer(await server.token(username)),
      payload: { entry, expectedVersion },
    });
  const history = async (kind: string, code: string) => {
    const response = await server.app.inject({
      url: `/api/admin/reference/history?kind=${kind}&code=${encodeURIComponent(code)}`,
      headers: await admin(),
    });
    return (response.json() as { versions: ReferenceVersion[] }).versions;
  };
  const head = async () =>
    Number((await server.db.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'reference_version'`))[0]!.value);
  const changeCount = async () => Number((await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reference_changes`))[0]!.n);

  it('lists one kind with each item’s version and who last changed it; the catalogue was loaded by the system', async () => {
    const categories = await list('category');
    const leaf = categories.find((c) => c.entry.code === 'heating.temperature')!;
    expect(leaf).toMatchObject({ entry: { kind: 'category', body: { parent: 'heating', sla: 'utility' } }, changedBy: 'system' });
    expect(leaf.version).toBeGreaterThan(0);
    expect(Date.parse(leaf.changedAt!)).not.toBeNaN();
    expect(await history('category', 'heating.temperature')).toEqual([
      expect.objectContaining({ version: leaf.version, action: 'created', changedBy: 'system' }),
    ]);
  });

  it('refuses anyone but an admin', async () => {
    const response = await save({ kind: 'queue', code: 'q', body: { zh: '队列', en: 'Queue' } }, null, 'lead1');
    expect(response.statusCode).toBe(403);
    expect(
      (await server.app.inject({ url: '/api/admin/reference?kind=queue', headers: bearer(await server.token('agent1')) })).statusCode,
    ).toBe(403);
  });

  it('saves a rename under the same code with the next version, derives the spellings, and keeps every version', async () => {
    const before = (await item('category', 'heating.temperature'))!;
    const version = await head();
    if (before.entry.kind !== 'category') throw new Error('a category');
    const renamed = { ...before.entry, body: { ...before.entry.body, zh: '暖气不热', pinyin: 'typed', initials: 'by hand' } };
    const response = await save(renamed, before.version);
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as AdminReferenceItem;
    expect(saved).toMatchObject({
      entry: { code: 'heating.temperature', body: { zh: '暖气不热', pinyin: 'nuanqibure', initials: 'nqbr' } },
      version: version + 1,
      changedBy: 'admin',
    });
    expect(await head()).toBe(version + 1);
    const versions = await history('category', 'heating.temperature');
    expect(versions.map((v) => [v.version, v.action, v.changedBy])).toEqual([
      [version + 1, 'changed', 'admin'],
      [before.version, 'created', 'system'],
    ]);
    expect(versions[1]!.entry).toEqual(before.entry);

    // The same body again changes nothing and moves no version.
    const again = await save(saved.entry, saved.version);
    expect(again.json()).toMatchObject({ version: saved.version });
    expect(await head()).toBe(version + 1);
  });

  it('refuses a save over a version someone saved since, naming who and when, and writes nothing', async () => {
    const current = (await item('queue', 'general'))!;
    if (current.entry.kind !== 'queue') throw new Error('a queue');
    const first = await save({ ...current.entry, body: { zh: '综合服务', en: 'General service' } }, current.version);
    expect(first.statusCode).toBe(200);
    const [version, changes] = [await head(), await changeCount()];
    const stale = await save({ ...current.entry, body: { zh: '综合二', en: 'General two' } }, current.version);
    expect(stale.statusCode).toBe(409);
    const { error } = stale.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^admin saved queue general at \d{4}-\d\d-\d\dT.* \(version \d+\) .*reload it/);
    expect(await save({ ...current.entry, code: 'general' }, null).then((r) => r.json())).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/exists already/) },
    });
    expect([await head(), await changeCount()]).toEqual([version, changes]);
    expect((await item('queue', 'general'))!.entry.body).toEqual({ zh: '综合服务', en: 'General service' });
  });

  it('checks what the schema cannot, with the field of each problem, and refusals change nothing', async () => {
    const [version, changes] = [await head(), await changeCount()];
    const refused = async (entry: ReferenceEntry, expectedVersion: number | null = null) => {
      const response = await save(entry, expectedVersion);
      expect(response.statusCode, response.body).toBe(400);
      return (response.json() as { error: { issues: { path: string; message: string }[] } }).error.issues;
    };
    expect(await refused({ kind: 'category', code: 'heating.new', body: { zh: '新', en: 'New', parent: 'heating.temperature' } })).toEqual([
      { path: 'entry.body.parent', message: expect.stringMatching(/not a group/) },
      { path: 'entry.body.sla', message: expect.stringMatching(/needs its time limit/) },
    ]);
    expect(await refused({ kind: 'category', code: 'x.y', body: { zh: '新', en: 'New', parent: 'nowhere', sla: 'general' } })).toEqual([
      { path: 'entry.body.parent', message: expect.stringMatching(/no group nowhere/) },
    ]);
    expect(
      await refused({
        kind: 'routingRule',
        code: 'heating.temperature@110105999',
        body: { category: 'heating.nope', districtCode: '110105', streetCode: '110108001', target: 'company:nope', also: ['district:999'] },
      }),
    ).toEqual([
      { path: 'entry.body.category', message: expect.stringMatching(/no category heating.nope/) },
      { path: 'entry.body.streetCode', message: expect.stringMatching(/in district 110108, not 110105/) },
      { path: 'entry.body.target', message: expect.stringMatching(/no unit company:nope/) },
      { path: 'entry.body.also.0', message: expect.stringMatching(/no unit district:999/) },
    ]);
    expect(
      await refused({ kind: 'unit', code: 'office:x', body: { zh: '办', en: 'Office', type: 'department', districtCode: '999999' } }),
    ).toEqual([{ path: 'entry.body.districtCode', message: 'no district 999999' }]);
    expect(
      await refused({
        kind: 'article',
        code: 'kb-x',
        body: { category: 'nope', titleZh: '题', titleEn: 'T', bodyZh: '文', bodyEn: 'B', categories: ['heating.fee', 'gone'] },
      }),
    ).toEqual([
      { path: 'entry.body.category', message: 'no category nope' },
      { path: 'entry.body.categories.1', message: 'no category gone' },
    ]);
    expect(await refused({ kind: 'calendarDay', code: '2026-02-30', body: { zh: '假', en: 'Off', workday: false } })).toEqual([
      { path: 'entry.code', message: expect.stringMatching(/not a date; write the day as YYYY-MM-DD/) },
    ]);
    expect(await refused({ kind: 'person', code: 'admin', body: { name: 'Me' } })).toEqual([
      { path: 'entry.kind', message: expect.stringMatching(/not editable/) },
    ]);
    expect([await head(), await changeCount()]).toEqual([version, changes]);
    const good = await save({ kind: 'calendarDay', code: '2026-10-01', body: { zh: '国庆节', en: 'National Day', workday: false } }, null);
    expect(good.json()).toMatchObject({ version: version + 1, changedBy: 'admin' });
    expect(await history('calendarDay', '2026-10-01')).toMatchObject([{ action: 'created' }]);
  });

  it('retires a unit instead of deleting it, and no new rule may name it; restoring brings it back', async () => {
    const heating = (await item('unit', 'company:heating'))!;
    if (heating.entry.kind !== 'unit') throw new Error('a unit');
    const named = await save({ ...heating.entry, body: { ...heating.entry.body, active: false } }, heating.version);
    expect(named.json()).toMatchObject({
      error: {
        issues: [
          {
            path: 'entry.body.active',
            message: expect.stringMatching(/^the rules .*heating\.temperature@\*.* still send tickets to company:heating/),
          },
        ],
      },
    });
    const created = (
      await save({ kind: 'unit', code: 'dept:archive', body: { zh: '档案馆', en: 'Archive', type: 'department' } }, null)
    ).json() as AdminReferenceItem;
    if (created.entry.kind !== 'unit') throw new Error('a unit');
    const retired = await save({ ...created.entry, body: { ...created.entry.body, active: false } }, created.version);
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await history('unit', 'dept:archive')).map((v) => v.action)).toEqual(['retired', 'created']);
    expect(await item('unit', 'dept:archive')).toMatchObject({ entry: { body: { active: false } } });
    const rule = await save(
      {
        kind: 'routingRule',
        code: 'heating.fee@110105',
        body: { category: 'heating.fee', districtCode: '110105', target: 'dept:archive' },
      },
      null,
    );
    expect(rule.json()).toMatchObject({ error: { issues: [{ path: 'entry.body.target', message: expect.stringMatching(/retired/) }] } });
    const back = retired.json() as AdminReferenceItem;
    if (back.entry.kind !== 'unit') throw new Error('a unit');
    await save({ ...back.entry, body: { ...back.entry.body, active: true } }, back.version);
    expect((await history('unit', 'dept:archive'))[0]).toMatchObject({ action: 'restored' });
  });

  it('retires a category still on open tickets: it stays, with its name, and its tickets keep it', async () => {
    const created = eventsBy('agent1').created({ category: 'heating.fee' });
    expect((await pushAs(server, [created])).body.results).toMatchObject([{ status: 'accepted' }]);
    const fee = (await item('category', 'heating.fee'))!;
    if (fee.entry.kind !== 'category') throw new Error('a category');
    const retired = await save({ ...fee.entry, body: { ...fee.entry.body, active: false } }, fee.version);
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await history('category', 'heating.fee'))[0]).toMatchObject({ action: 'retired', entry: { body: { zh: '供暖费' } } });
    const pulled = await server.app.inject({ url: '/api/reference?after=0&limit=5000', headers: bearer(await server.token('agent1')) });
    const items = (pulled.json() as { items: { kind: string; code: string; deleted: boolean; body: { active?: boolean } }[] }).items;
    expect(items.find((i) => i.kind === 'category' && i.code === 'heating.fee')).toMatchObject({ deleted: false, body: { active: false } });
    const [ticket] = await server.db.query<{ category: string; status: string }>(`SELECT category, status FROM tickets WHERE id = $1`, [
      created.ticketId,
    ]);
    expect(ticket).toEqual({ category: 'heating.fee', status: expect.not.stringMatching(/closed/) });
  });

  it('publishes a draft article, and says so in its history', async () => {
    const body = { category: 'heating.fee', titleZh: '草稿', titleEn: 'Draft', bodyZh: '文', bodyEn: 'Text', status: 'draft' as const };
    const draft = (await save({ kind: 'article', code: 'kb-draft', body }, null)).json() as AdminReferenceItem;
    expect(draft.changedBy).toBe('admin');
    await save({ kind: 'article', code: 'kb-draft', body: { ...body, status: 'published' } }, draft.version);
    expect((await history('article', 'kb-draft')).map((v) => v.action)).toEqual(['published', 'created']);
  });

  it('previews routing: the street rule over the district rule, history where nothing is written, then the city-wide rule', async () => {
    const preview = async (query: string) => {
      const response = await server.app.inject({ url: `/api/admin/routing/preview?${query}`, headers: await admin() });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as RoutingPreview;
    };
    const cityRule = (await item('routingRule', 'noise.construction@*'))!;
    if (cityRule.entry.kind !== 'routingRule') throw new Error('a rule');
    const where = 'category=noise.construction&districtCode=110105&streetCode=110105017';
    expect(await preview(where)).toMatchObject({ source: 'rule', ruleCode: 'noise.construction@*' });
    const district = await save(
      {
        kind: 'routingRule',
        code: 'noise.construction@110105',
        body: { category: 'noise.construction', districtCode: '110105', target: 'district', also: ['company:heating'] },
      },
      null,
    );
    expect(district.statusCode, district.body).toBe(200);
    expect(await preview(where)).toEqual({
      leadUnitCode: 'district:110105',
      unitCodes: ['district:110105', 'company:heating'],
      source: 'rule',
      ruleCode: 'noise.construction@110105',
      share: null,
    });
    const street = await save(
      {
        kind: 'routingRule',
        code: 'noise.construction@110105017',
        body: { category: 'noise.construction', districtCode: '110105', streetCode: '110105017', target: 'street' },
      },
      null,
    );
    expect(street.statusCode, street.body).toBe(200);
    expect(await preview(where)).toMatchObject({ leadUnitCode: 'street:110105017', ruleCode: 'noise.construction@110105017' });

    // What another part of the server learns from history, written as it writes it.
    const { upsertReference } = await import('../../src/server/reference/reference-store');
    await upsertReference(server.db, [
      {
        kind: 'routingProposal',
        code: 'noise.construction@110108',
        body: {
          category: 'noise.construction',
          districtCode: '110108',
          units: [
            { unitCode: 'street:110108001', share: 0.25, tickets: 5 },
            { unitCode: 'district:110108', share: 0.75, tickets: 15 },
          ],
          tickets: 20,
        },
      },
    ]);
    expect(await preview('category=noise.construction&districtCode=110108')).toEqual({
      leadUnitCode: 'district:110108',
      unitCodes: ['district:110108'],
      source: 'history',
      ruleCode: null,
      share: 0.75,
    });
    expect(await preview('category=nothing.here')).toMatchObject({ source: 'none', leadUnitCode: null });
  });
});
