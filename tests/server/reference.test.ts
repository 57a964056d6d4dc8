import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../../src/shared/server-api/reference';
import { defaultReferenceData } from '../../src/server/reference/reference-data';
import { upsertReference } from '../../src/server/reference/reference-store';
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
      const body = response.json() as { items: ReferenceItem[]; cursor: number; hasMore: boolean };
      items.push(...body.items);
      cursor = body.cursor;
      if (!body.hasMore) return { items, cursor };
    }
    throw new Error('reference pull did not finish');
  };

  it("serves Beijing's divisions, the catalogue and units, paged", async () => {
    const { items } = await pullAll();
    const of = (kind: string) => items.filter((i) => i.kind === kind);
    expect(of('requestType').map((i) => i.code).sort()).toEqual(['complaint', 'consultation', 'help', 'report', 'suggestion']);
    expect(of('district')).toHaveLength(16);
    const townships = of('street').filter((s) => /(街道|地区|镇|乡)$/.test(s.body.zh as string));
    expect(townships).toHaveLength(343);
    expect(of('street').find((s) => s.code === '110105017')?.body).toMatchObject({ zh: '劲松街道', districtCode: '110105', pinyin: 'jinsong', initials: 'js' });
    const leaves = of('category').filter((c) => c.body.parent !== null);
    expect(leaves.length).toBeGreaterThanOrEqual(60);
    for (const leaf of leaves) expect(leaf.body).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(of('routingRule')).toHaveLength(leaves.length);
    expect(of('slaPolicy').find((p) => p.code === 'emergency')?.body).toMatchObject({ dispatchMinutes: 60, feedbackMinutes: 120 });
    const unitCodes = new Set(of('unit').map((u) => u.code));
    for (const rule of of('routingRule')) {
      const target = rule.body.target as string;
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
});
