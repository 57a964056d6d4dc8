import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../src/server/history/column-mapping';
import { importHistory, type ImportOptions } from '../../src/server/history/import-history';
import { engines, freshDatabase, startTestServer, type TestServer } from './test-server';

const sample = fs.readFileSync('tests/fixtures/us-311-sample.csv', 'utf8');
const mappingFile = 'resources/import/us-311-mapping.json';
const mapping = parseMappingFile(fs.readFileSync(mappingFile, 'utf8'), mappingFile);
const us: ImportOptions = { timeZone: 'Asia/Shanghai', zone: 'America/New_York', mapping, createCatalogue: true };
const sampleRows = sample.trimEnd().split('\n').length - 1;

describe.each(engines)("importing another city's 311 export on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());
  const one = async <T>(query: string) => (await server.db.query<T>(query))[0]!;
  const counts = () =>
    one<{ tickets: number; items: number; version: number }>(
      `SELECT (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM reference_items) AS items,
              (SELECT value::int FROM counters WHERE name = 'reference_version') AS version`,
    );

  it('refuses a file with one bad row, naming its line, and writes neither tickets nor catalogue', async () => {
    const before = await counts();
    const lines = sample.split('\n');
    lines[1500] = lines[1500]!.replace(/^(\d+),[^,]+,/, '$1,02/30/2019 10:00:00 AM,');
    await expect(importHistory(server.db, lines.join('\n'), us)).rejects.toThrow(
      'Nothing was imported; fix these rows first:\nline 1501: created "02/30/2019 10:00:00 AM": 2019-02 has no day 30',
    );
    expect(await counts()).toEqual(before);
  });

  it('without --create-catalogue refuses the service types, agencies and neighbourhoods the catalogue lacks', async () => {
    const before = await counts();
    const error = await importHistory(server.db, sample, { ...us, createCatalogue: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('line 2: unknown category "UNSANITARY CONDITION" (import with --create-catalogue');
    expect(message).toContain('line 2: unknown unit "HPD"');
    expect(message).toContain('line 2: unknown district "Long Island City"');
    expect(await counts()).toEqual(before);
  });

  it('creates the catalogue it meets and imports every request as a finished ticket, once however often it runs', async () => {
    const before = await counts();
    const first = await importHistory(server.db, sample, us);
    expect(first).toEqual({
      rows: sampleRows,
      imported: sampleRows,
      alreadyThere: 0,
      created: { category: 23, unit: 8, district: 23, street: 0 },
    });
    // Illegal Parking is the catalogue's own Illegal parking: a name already there is used, not made again.
    expect(
      await one<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE category = 'parking.illegal' AND district_code LIKE '9%'`),
    ).toEqual({
      n: 167,
    });
    const afterFirst = await counts();
    expect(afterFirst.tickets).toBe(before.tickets + sampleRows);

    const again = await importHistory(server.db, sample, us);
    expect(again).toEqual({
      rows: sampleRows,
      imported: 0,
      alreadyThere: sampleRows,
      created: { category: 0, unit: 0, district: 0, street: 0 },
    });
    expect(await counts()).toEqual(afterFirst);

    const items = await server.db.query<{ kind: string; code: string; body: Record<string, unknown> }>(
      `SELECT kind, code, body FROM reference_items WHERE code IN ('imported', 'imported.heat-hot-water', 'agency:hpd', 'agency:dsny') OR (kind = 'district' AND body ->> 'en' = 'Long Island City') ORDER BY kind, code`,
    );
    expect(items.map((i) => [i.kind, i.code])).toEqual([
      ['category', 'imported'],
      ['category', 'imported.heat-hot-water'],
      ['district', expect.stringMatching(/^9\d{5}$/)],
      ['unit', 'agency:dsny'],
      ['unit', 'agency:hpd'],
    ]);
    expect(items[1]!.body).toMatchObject({ en: 'HEAT/HOT WATER', parent: 'imported', sla: 'general', keywords: ['heat', 'hot', 'water'] });
    expect(items[2]!.body).toMatchObject({ en: 'Long Island City', pinyin: 'longislandcity', initials: 'lic' });
    expect(items[4]!.body).toEqual({
      zh: 'Department of Housing Preservation and Development',
      en: 'Department of Housing Preservation and Development',
      type: 'agency',
    });

    // The first row: 38000006, 11/30/2018 03:32:57 AM (EST) in Long Island City, to HPD, closed 12/10/2018 05:46:31 PM.
    const ticket = await one<{
      category: string;
      district_code: string;
      lead_unit: string;
      status: string;
      created_at: Date;
      updated_at: Date;
      address: string;
    }>(
      `SELECT category, district_code, lead_unit, status, created_at, updated_at, state -> 'fields' ->> 'addressDetail' AS address
       FROM tickets WHERE state -> 'fields' ->> 'addressDetail' = '888 31 STREET' AND category = 'imported.unsanitary-condition'`,
    );
    expect(ticket).toMatchObject({
      category: 'imported.unsanitary-condition',
      district_code: items[2]!.code,
      lead_unit: 'agency:hpd',
      status: 'closed',
    });
    expect(new Date(ticket.created_at).toISOString()).toBe('2018-11-30T08:32:57.000Z');
    expect(new Date(ticket.updated_at).toISOString()).toBe('2018-12-10T22:46:31.000Z');

    // Routing can be learned: most Noise - Residential tickets of a neighbourhood went to one unit.
    const routing = await server.db.query<{ share: number }>(
      `SELECT max(n)::float / sum(n) AS share FROM (
         SELECT district_code, lead_unit, count(*) AS n FROM tickets WHERE category = 'imported.noise-residential' GROUP BY 1, 2) t
       GROUP BY district_code`,
    );
    expect(routing.length).toBe(23);
    expect(routing.reduce((sum, r) => sum + r.share, 0) / routing.length).toBeGreaterThan(0.85);
  });

  it('groups created categories under the group column, and creates streets within their districts', async () => {
    const csv = [
      'Agency,Type,When,Borough,Street,What',
      'TLC,Pothole,2019-03-10 23:30:00,Queens Borough,Main Street,"Deep pothole, ""dangerous"""',
      'TLC,Pothole,2019-03-10 02:30:00,Queens Borough,Main Street,Another pothole',
      'DCA,Pothole,2019-03-11T09:00:00Z,Queens Borough,Elm Street,Pothole over a sewer',
    ].join('\n');
    const grouped: ImportOptions = {
      timeZone: 'Asia/Shanghai',
      zone: 'America/New_York',
      createCatalogue: true,
      sla: 'utility',
      mapping: {
        category_group: 'Agency',
        unit: 'Agency',
        category: 'Type',
        created: 'When',
        district: 'Borough',
        street_name: 'Street',
        text: 'What',
      },
    };
    expect(await importHistory(server.db, csv, grouped)).toMatchObject({
      imported: 3,
      created: { category: 2, unit: 2, district: 1, street: 2 },
    });
    const tickets = await server.db.query<{
      category: string;
      district_code: string;
      street_code: string;
      lead_unit: string;
      created_at: Date;
    }>(
      `SELECT category, district_code, street_code, lead_unit, created_at FROM tickets WHERE category LIKE 'tlc.%' OR category LIKE 'dca.%' ORDER BY created_at`,
    );
    expect(tickets.map((t) => [t.category, t.lead_unit, new Date(t.created_at).toISOString()])).toEqual([
      // 02:30 did not happen that night in New York (clocks went from 02:00 to 03:00): read as 03:30 EDT.
      ['tlc.pothole', 'agency:tlc', '2019-03-10T07:30:00.000Z'],
      ['tlc.pothole', 'agency:tlc', '2019-03-11T03:30:00.000Z'],
      ['dca.pothole', 'agency:dca', '2019-03-11T09:00:00.000Z'],
    ]);
    const [district] = new Set(tickets.map((t) => t.district_code));
    expect(district).toMatch(/^9\d{5}$/);
    expect(tickets.every((t) => t.street_code.startsWith(district!) && t.street_code.length === 9)).toBe(true);
    expect(new Set(tickets.map((t) => t.street_code)).size).toBe(2);
    const [leaf] = await server.db.query<{ body: Record<string, unknown> }>(
      `SELECT body FROM reference_items WHERE kind = 'category' AND code = 'dca.pothole'`,
    );
    expect(leaf!.body).toMatchObject({ en: 'Pothole', parent: 'dca', sla: 'utility' });
  });
});

describe('npm run import', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-import-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a mapped file into the database DATABASE_URL names, with a progress line on stderr', async () => {
    const { db, url } = await freshDatabase('postgres');
    await db.close();
    const file = path.join(dir, 'first-300.csv');
    fs.writeFileSync(file, sample.split('\n').slice(0, 301).join('\n'));
    const cli = (...args: string[]) =>
      run('npx', ['tsx', 'src/server/history/import-cli.ts', file, ...args], {
        env: { ...process.env, DATABASE_URL: url!, LOG_LEVEL: 'silent' },
      });
    const args = [
      '--mapping',
      mappingFile,
      '--map',
      'text=Descriptor,created=Created Date',
      '--zone',
      'America/New_York',
      '--create-catalogue',
      '--batch',
      '100',
    ];
    const first = await cli(...args);
    expect(first.stderr).toMatch(
      /^imported 100 \/ 300 rows \(\d+\.\d s\)\nimported 200 \/ 300 rows \(\d+\.\d s\)\nimported 300 \/ 300 rows \(\d+\.\d s\)\n$/,
    );
    expect(first.stdout).toMatch(
      /^300 rows: 300 tickets imported, 0 already there; created 23 categories, 8 units, 23 districts, in \d+\.\d s\./,
    );
    const second = await cli(...args);
    expect(second.stdout).toMatch(/^300 rows: 0 tickets imported, 300 already there, in/);

    const refused = await cli('--map', 'text=Descriptor').catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('The file has no column for category, created; map them') });
  });
});
