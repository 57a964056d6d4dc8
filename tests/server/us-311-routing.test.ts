import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../src/server/history/column-mapping';
import { importHistory } from '../../src/server/history/import-history';
import { relearnRouting } from '../../src/server/routing/routing-history';
import { startTestServer, type TestServer } from './test-server';

const mappingFile = 'resources/import/us-311-mapping.json';

/**
 * A centre that is not ours: a US city's 311 export, with its own column names, US dates and its
 * own service types and agencies, becomes a catalogue and a history, and routing learned from it is
 * scored on the newest rows it did not learn from. The sample routes most of a service type in a
 * neighbourhood to one agency, with some noise, as a real city does.
 */
describe("a US city's 311 history: imported with its catalogue, then routing trained and scored", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
    const mapping = parseMappingFile(fs.readFileSync(mappingFile, 'utf8'), mappingFile);
    const sample = fs.readFileSync('tests/fixtures/us-311-sample.csv', 'utf8');
    await importHistory(server.db, sample, { timeZone: 'America/New_York', zone: 'America/New_York', mapping, createCatalogue: true });
  });
  afterAll(() => server.close());

  it('learns who handles what from the older rows and names the right agency for most of the newest', async () => {
    const { evaluation, proposals } = await relearnRouting(server.db);
    expect(evaluation.trained + evaluation.heldOut).toBeGreaterThan(1500);
    // The catalogue it created has no written rules: what routing knows comes from history alone.
    expect(evaluation.rules.right).toBe(0);
    expect(evaluation.learned.right / evaluation.learned.total).toBeGreaterThan(0.8);
    expect(proposals.some((p) => p.body.units[0]!.unitCode.startsWith('agency:'))).toBe(true);
  });

  it('reports it as the last line of npm run train', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/server/classifier/train-cli.ts'], {
      env: { ...process.env, DATABASE_URL: server.url!, LOG_LEVEL: 'silent' },
      timeout: 240_000,
    });
    const last = stdout.trim().split('\n').at(-1)!;
    console.log(`[us-311] ${stdout.trim().split('\n').slice(-4).join(' | ')}`);
    expect(last).toMatch(/^routing \d{1,3}\.\d%$/);
    expect(Number(last.slice('routing '.length, -1))).toBeGreaterThan(80);
  }, 300_000);
});
