import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHistory } from '../../src/server/history/import-history';
import { relearnRouting } from '../../src/server/routing/routing-history';
import { engines, startTestServer, type TestServer } from './test-server';

/**
 * Two districts' cooking-fume complaints, whose written rule sends them to the street office:
 * Chaoyang's street offices did handle them, Haidian's district government took every one.
 */
const street = (district: string, n: number) => `${district}${String(n).padStart(3, '0')}`;
const rows = Array.from({ length: 60 }, (_, i) => {
  const district = i % 2 === 0 ? '110105' : '110108';
  const where = street(district, 1 + (i % 6));
  const unit = district === '110105' ? `street:${where}` : `district:${district}`;
  const created = new Date(Date.UTC(2025, 10, 1, 2) + i * 3_600_000).toISOString().replace('Z', '+00:00');
  return `楼下饭馆油烟太大 第${i}次,environment.cooking-fumes,${created},${district},${where},${unit}`;
});
// Answered on the call: no unit, so nothing for routing; there for the classifier, which needs two categories.
const answered = Array.from(
  { length: 30 },
  (_, i) => `问供暖什么时候开始 第${i}次,heating.season,2025-10-0${1 + (i % 9)}T10:00:00+08:00,,,`,
);
const csv = ['text,category,created,district,street,unit', ...rows, ...answered].join('\n');

describe.each(engines)('routing learned from the ticket history on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
    await importHistory(server.db, csv, { timeZone: 'Asia/Shanghai' });
  });
  afterAll(() => server.close());

  it('publishes each district’s proposal as reference data and scores it on the newest fifth against the written rule', async () => {
    const result = await relearnRouting(server.db);
    const stored = await server.db.query<{ code: string; body: unknown }>(
      `SELECT code, body FROM reference_items WHERE kind = 'routingProposal' AND NOT deleted ORDER BY code`,
    );
    expect(stored).toEqual([
      {
        code: 'environment.cooking-fumes@*',
        body: {
          category: 'environment.cooking-fumes',
          districtCode: null,
          units: [
            { unitCode: 'district', share: 0.5, tickets: 30 },
            { unitCode: 'street', share: 0.5, tickets: 30 },
          ],
          tickets: 60,
        },
      },
      {
        code: 'environment.cooking-fumes@110105',
        body: {
          category: 'environment.cooking-fumes',
          districtCode: '110105',
          units: [{ unitCode: 'street', share: 1, tickets: 30 }],
          tickets: 30,
        },
      },
      {
        code: 'environment.cooking-fumes@110108',
        body: {
          category: 'environment.cooking-fumes',
          districtCode: '110108',
          units: [{ unitCode: 'district', share: 1, tickets: 30 }],
          tickets: 30,
        },
      },
    ]);
    expect(result.changed).toBe(3);
    expect(result.evaluation).toEqual({
      trained: 48,
      heldOut: 12,
      learned: { right: 12, total: 12 },
      // The written rule sends Haidian's to the street offices too.
      rules: { right: 6, total: 12 },
      combined: { right: 12, total: 12 },
    });
    // Learning again from the same history sends nothing new to the workstations.
    expect((await relearnRouting(server.db)).changed).toBe(0);
  });

  it.runIf(engine === 'postgres')(
    'prints the routing figures after the classifier’s from npm run train, the learned one last',
    async () => {
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/server/classifier/train-cli.ts'], {
        env: { ...process.env, DATABASE_URL: server.url!, LOG_LEVEL: 'silent' },
        timeout: 240_000,
      });
      const lines = stdout.trim().split('\n');
      expect(lines.findIndex((l) => l.startsWith('cross-validated top-1'))).toBeLessThan(
        lines.findIndex((l) => l.includes('written rules alone')),
      );
      expect(lines).toContain('  written rules alone: 6 of 12 lead units right (50.0%)');
      expect(lines.at(-1)).toBe('routing 100.0%');
    },
    300_000,
  );
});
