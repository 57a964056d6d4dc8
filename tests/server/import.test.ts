import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHistory } from '../../src/server/history/import-history';
import { engines, startTestServer, type TestServer } from './test-server';

const csv = [
  'text,category,created,district,street,unit,phone',
  '"暖气不热，室温十五度，""急""",heating.temperature,2025-12-01T09:30:00+08:00,110105,110105017,company:heating,13911112222',
  '问供暖什么时候开始,heating.season,2025-11-02T10:00:00+08:00,,,,',
  '楼下饭馆油烟太大,environment.cooking-fumes,2025-10-15T20:15:00+08:00,110108,,district:110108,010-62345678',
].join('\n');
const shanghai = { timeZone: 'Asia/Shanghai' };
const none = { category: 0, unit: 0, district: 0, street: 0 };

describe.each(engines)('importing ticket history on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());
  const count = async () => (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`))[0]!.n;

  it('imports finished tickets dated as in the file, once however often it runs', async () => {
    const before = await count();
    expect(await importHistory(server.db, csv, shanghai)).toEqual({ rows: 3, imported: 3, alreadyThere: 0, created: none });
    expect(await importHistory(server.db, csv, shanghai)).toEqual({ rows: 3, imported: 0, alreadyThere: 3, created: none });
    expect(await count()).toBe(before + 3);
    const rows = await server.db.query<{ official_no: string; status: string; category: string; resolution: string }>(
      `SELECT official_no, status, category, state ->> 'resolution' AS resolution FROM tickets WHERE category IN ('heating.temperature', 'heating.season', 'environment.cooking-fumes') ORDER BY created_at`,
    );
    expect(rows.map((r) => [r.category, r.status, r.resolution, r.official_no.slice(0, 8)])).toEqual([
      ['environment.cooking-fumes', 'closed', 'resolved', '20251015'],
      ['heating.season', 'closed', 'direct_answer', '20251102'],
      ['heating.temperature', 'closed', 'resolved', '20251201'],
    ]);
  });

  it('refuses a file with any bad row, naming the lines, and writes nothing', async () => {
    const before = await count();
    const bad = [
      'text,category,created,unit',
      '好的,heating.season,2025-11-02T10:00:00+08:00,',
      ',heating.season,2025-11-02T10:00:00+08:00,',
      '停电,no.such.category,2025-11-02 25:00,',
      '停水,water.outage,2025-11-02T10:00:00+08:00,street:nowhere',
      '停气,heating.season,0000-01-01T00:00:00+08:00,',
    ].join('\n');
    await expect(importHistory(server.db, bad, shanghai)).rejects.toThrow(
      [
        'Nothing was imported; fix these rows first:',
        'line 3: text is empty',
        'line 4: unknown category "no.such.category" (import with --create-catalogue to create it, or add it to the catalogue first)',
        'line 4: created "2025-11-02 25:00": the time of day is not between 00:00:00 and 23:59:59',
        'line 5: unknown unit "street:nowhere" (import with --create-catalogue to create it, or add it to the catalogue first)',
        'line 6: created "0000-01-01T00:00:00+08:00": the year 0 is outside 1970–2099',
      ].join('\n'),
    );
    await expect(importHistory(server.db, 'text,category,created\n"unclosed,heating.season', shanghai)).rejects.toThrow('never closed');
    expect(await count()).toBe(before);
  });
});
