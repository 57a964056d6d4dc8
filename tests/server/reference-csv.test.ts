import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv';
import { type EditableKind, editableKinds, type ReferenceImportResult } from '../../src/shared/server-api/reference-admin';
import type { AdminReferenceItem } from '../../src/shared/server-api/reference-admin';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('reference data as CSV on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const admin = async () => bearer(await server.token('admin'));
  const exported = async (kind: EditableKind) => {
    const response = await server.app.inject({ url: `/api/admin/reference.csv?kind=${kind}`, headers: await admin() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    return response.body;
  };
  const imported = async (kind: EditableKind, csv: string, apply = true) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/admin/reference/import',
      headers: await admin(),
      payload: { kind, csv, apply },
    });
    return {
      status: response.statusCode,
      body: response.json() as ReferenceImportResult & { error?: { message: string; issues: { path: string; message: string }[] } },
    };
  };
  const head = async () =>
    Number((await server.db.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'reference_version'`))[0]!.value);
  const item = async (kind: EditableKind, code: string) => {
    const response = await server.app.inject({ url: `/api/admin/reference?kind=${kind}`, headers: await admin() });
    return (response.json() as { items: AdminReferenceItem[] }).items.find((i) => i.entry.code === code);
  };

  it('exports every kind with a BOM and its columns, and importing the same file changes nothing', async () => {
    const before = await head();
    for (const kind of editableKinds) {
      const csv = await exported(kind);
      expect(csv.startsWith('\uFEFFcode,'), kind).toBe(true);
      const rows = parseCsv(csv).rows.length;
      const result = await imported(kind, csv);
      expect(result.status, `${kind}: ${JSON.stringify(result.body)}`).toBe(200);
      expect(result.body, kind).toEqual({ rows, created: 0, changed: 0, unchanged: rows, applied: true });
    }
    expect(await head()).toBe(before);
    const categories = parseCsv(await exported('category'));
    expect(categories.columns).toEqual(['code', 'zh', 'en', 'parent', 'sla', 'keywords', 'active']);
    expect(categories.rows.find((r) => r.code === 'heating.temperature')).toEqual({
      code: 'heating.temperature',
      zh: '室温不达标',
      en: 'Room temperature below standard',
      parent: 'heating',
      sla: 'utility',
      keywords: '暖气不热|温度低|室温|冷',
      active: '',
    });
  });

  it('checks every row first and refuses the file with each bad line, writing none of it', async () => {
    const before = await head();
    const csv = [
      'code,zh,en,parent,sla,keywords,active',
      'heating.new,新的,New,heating,general,,',
      'heating.bad,坏,Bad,heating,,,',
      '"heating.quoted","引号, ""逗号""",Quoted,nowhere,general,,maybe',
      'heating.new,重复,Twice,heating,general,,',
    ].join('\r\n');
    const result = await imported('category', csv);
    expect(result.status).toBe(400);
    expect(result.body.error!.issues).toEqual([
      { path: 'line 4', message: 'active maybe is neither true nor false' },
      { path: 'line 5', message: 'code heating.new is on line 2 already' },
      { path: 'line 3', message: expect.stringMatching(/^body\.sla: .*time limit/) },
    ]);
    expect(result.body.error!.message).toMatch(/^Nothing was imported; correct these rows/);
    expect(await head()).toBe(before);
    expect(await item('category', 'heating.new')).toBeUndefined();
    const header = await imported('category', 'code,zh,en\r\nx,一,One');
    expect(header.status).toBe(400);
    expect(header.body.error!.message).toMatch(/missing parent, sla, keywords, active/);
  });

  it('with apply false only counts; with apply true writes all rows at once, quoting and a BOM read right', async () => {
    const before = await head();
    const csv =
      '\uFEFFcode,zh,en,parent,sla,keywords,active\n' +
      'heating.new,"新的, ""供暖""",New,heating,general,新 | 供暖,\n' +
      'heating.temperature,室温不达标,Room temperature below standard,heating,utility,暖气不热|温度低|室温|冷,false\n' +
      'heating.fee,供暖费,Heating fees,heating,general,供暖费|采暖费|缴费|发票,\n';
    expect((await imported('category', csv, false)).body).toEqual({ rows: 3, created: 1, changed: 1, unchanged: 1, applied: false });
    expect(await head()).toBe(before);
    expect((await imported('category', csv)).body).toEqual({ rows: 3, created: 1, changed: 1, unchanged: 1, applied: true });
    expect(await head()).toBe(before + 2);
    expect(await item('category', 'heating.new')).toMatchObject({
      entry: { body: { zh: '新的, "供暖"', keywords: ['新', '供暖'], pinyin: expect.any(String) } },
      changedBy: 'admin',
    });
    expect(await item('category', 'heating.temperature')).toMatchObject({ entry: { body: { active: false } } });
    const history = await server.app.inject({
      url: '/api/admin/reference/history?kind=category&code=heating.temperature',
      headers: await admin(),
    });
    expect((history.json() as { versions: { action: string; changedBy: string }[] }).versions[0]).toMatchObject({
      action: 'imported',
      changedBy: 'admin',
    });
  });
});
