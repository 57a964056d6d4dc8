import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceItem, referenceResponseSchema } from '../../src/shared/server-api/reference';
import { modelCode, modelInUse } from '../../src/server/classifier/training';
import { entriesOf } from '../../src/shared/domain/reference';
import { defaultReferenceData } from '../../src/server/reference/reference-data';
import { ReferenceBodyError, upsertReference } from '../../src/server/reference/reference-store';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('reference data on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const pullAll = async (after = 0) => {
    const token = await server.token('agent1');
    const items: ReferenceItem[] = [];
    let cursor = after;
    for (let page = 0; page < 100; page++) {
      const response = await server.app.inject({ url: `/api/reference?after=${cursor}&limit=400`, headers: bearer(token) });
      const body = referenceResponseSchema.parse(response.json());
      items.push(...body.items);
      cursor = body.cursor;
      if (!body.hasMore) return { items, cursor };
    }
    throw new Error('reference pull did not finish');
  };

  it("serves Beijing's divisions, the catalogue and units, paged", async () => {
    const { items } = await pullAll();
    const of = <K extends ReferenceItem['kind']>(kind: K) => items.filter((i): i is Extract<ReferenceItem, { kind: K }> => i.kind === kind);
    expect(
      of('requestType')
        .map((i) => i.code)
        .sort(),
    ).toEqual(['complaint', 'consultation', 'help', 'report', 'suggestion']);
    expect(of('district')).toHaveLength(16);
    const townships = of('street').filter((s) => /(街道|地区|镇|乡)$/.test(s.body.zh));
    expect(townships).toHaveLength(343);
    expect(of('street').find((s) => s.code === '110105017')?.body).toMatchObject({
      zh: '劲松街道',
      districtCode: '110105',
      pinyin: 'jinsong',
      initials: 'js',
    });
    const leaves = of('category').filter((c) => c.body.parent !== null);
    expect(leaves.length).toBeGreaterThanOrEqual(60);
    for (const leaf of leaves) expect(leaf.body).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(of('routingRule')).toHaveLength(leaves.length);
    expect(of('slaPolicy').find((p) => p.code === 'emergency')?.body).toMatchObject({ dispatchMinutes: 60, feedbackMinutes: 120 });
    const unitCodes = new Set(of('unit').map((u) => u.code));
    for (const rule of of('routingRule')) {
      const target = rule.body.target;
      if (target !== 'street' && target !== 'district') expect(unitCodes, target).toContain(target);
    }
    expect(of('article').length).toBeGreaterThanOrEqual(10);
  });

  it('versions only what changed, so a workstation pulls just the difference', async () => {
    const { cursor } = await pullAll();
    expect(await upsertReference(server.db, defaultReferenceData())).toBe(0);
    const edited = defaultReferenceData().map((item) =>
      item.kind === 'article' && item.code === 'kb-heating-season' ? { ...item, body: { ...item.body, titleEn: 'Heating season' } } : item,
    );
    expect(await upsertReference(server.db, edited)).toBe(1);
    const { items } = await pullAll(cursor);
    expect(items).toEqual([expect.objectContaining({ kind: 'article', code: 'kb-heating-season', version: cursor + 1 })]);
  });

  it('refuses a body that does not match its kind, naming the item and the field, and writes nothing of the batch', async () => {
    const { cursor } = await pullAll();
    const good = {
      kind: 'article' as const,
      code: 'kb-new',
      body: { category: 'heating.fee', titleZh: '新', titleEn: 'New', bodyZh: '内容', bodyEn: 'Text' },
    };
    const bad = {
      kind: 'slaPolicy' as const,
      code: 'general',
      body: { zh: '一般类', en: 'General', dispatchMinutes: 'a day', feedbackMinutes: 10080 },
    };
    // @ts-expect-error a body of the wrong shape, as a caller without types could send it
    const write = upsertReference(server.db, [good, bad]);
    await expect(write).rejects.toThrow(ReferenceBodyError);
    await expect(write).rejects.toThrow(/slaPolicy general \(body\.dispatchMinutes: .*expected number/);
    expect((await pullAll(cursor)).items).toEqual([]);
  });

  it('leaves a stored body that does not match its kind out of the page and serves the others', async () => {
    const { cursor } = await pullAll();
    // Written around the check, as a row from before it could be.
    await server.db.query(
      `UPDATE reference_items SET version = v.version, body = v.body::jsonb
       FROM (SELECT value + 1 AS version, '{"zh":"紧急类","dispatchMinutes":"soon"}' AS body FROM counters WHERE name = 'reference_version') AS v
       WHERE kind = 'slaPolicy' AND code = 'emergency'`,
    );
    await server.db.query(`UPDATE counters SET value = value + 1 WHERE name = 'reference_version'`);
    const chaoyang = entriesOf(defaultReferenceData(), 'district').filter((item) => item.code === '110105');
    expect(
      await upsertReference(
        server.db,
        chaoyang.map((item) => ({ ...item, body: { ...item.body, en: 'Chaoyang' } })),
      ),
    ).toBe(1);
    const { items, cursor: after } = await pullAll(cursor);
    expect(items.map((i) => `${i.kind} ${i.code}`)).toEqual(['district 110105']);
    expect(after).toBe(cursor + 2);
  });

  it('says why the stored model cannot be read instead of taking it for no model', async () => {
    expect(await modelInUse(server.db)).toEqual({ model: null, unreadable: null });
    await server.db.query(
      `INSERT INTO reference_items (kind, code, version, deleted, body)
       SELECT 'model', $1, value + 1, false, '{"kind":"linear-svm","classes":["a"]}'::jsonb FROM counters WHERE name = 'reference_version'`,
      [modelCode],
    );
    await server.db.query(`UPDATE counters SET value = value + 1 WHERE name = 'reference_version'`);
    expect(await modelInUse(server.db)).toEqual({ model: null, unreadable: expect.stringMatching(/^classes: .*>=2/) });
  });
});
