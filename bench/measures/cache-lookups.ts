import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { storeConfirmedEvents } from '../../src/main/store/sync-store';
import { formatPhone } from '../../src/shared/domain/phone';
import { defaultReferenceData } from '../../src/server/reference/reference-data';
import { seededRandom } from '../../src/server/seed/random';
import { median, percentile, type MeasureResult, timed } from './stats';
import { syntheticCentre } from './synthetic-centre';

const openBenchCore = (dataDir: string): Core =>
  openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: 'bench', workstationCode: 'BNCH' });

/**
 * Fills a workstation cache with `count` tickets through the store's own bootstrap path (events
 * stored, tickets folded, search index and caller keys written), 1,000 tickets per transaction.
 */
export function buildCache(dataDir: string, count: number, seed: number, log: (line: string) => void): { phones: string[]; seconds: number } {
  const core = openBenchCore(dataDir);
  const now = new Date().toISOString();
  applyReferencePage(core.db, defaultReferenceData().map((item, i) => ({ ...item, version: i + 1, deleted: false })), 1, now);
  const centre = syntheticCentre(seededRandom(seed), count);
  const started = performance.now();
  let batch: Parameters<typeof storeConfirmedEvents>[1][number][] = [];
  let stored = 0;
  const flush = () => {
    core.db.transaction(() => storeConfirmedEvents(core.db, batch))();
    stored += batch.length / 2;
    batch = [];
    if (stored % 100_000 === 0) log(`  cache: ${stored.toLocaleString()} tickets, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  };
  for (const events of centre.tickets()) {
    batch.push(...events);
    if (batch.length >= 2000) flush();
  }
  if (batch.length > 0) flush();
  const seconds = (performance.now() - started) / 1000;
  void core.close();
  return { phones: centre.phones, seconds };
}

const longQueries = ['暖气不热', '楼道灯不亮', '噪音扰民', '停水', '小区门口', '电动车充电', '健身房关门', '消防通道被堵'];
const shortQueries = ['水', '暖', '灯', '吵', '树', '停电', '噪音', '路灯', '物业', '漏水'];

/** Measures 1 and 2: caller lookup and search on the cache, as the UI calls them. */
export async function measureLookups(dataDir: string, phones: string[], count: number, seed: number): Promise<MeasureResult[]> {
  const core = openBenchCore(dataDir);
  const random = seededRandom(seed + 1);
  try {
    // Numbers as agents and switches write them: plain, spaced, with +86.
    const lookups = await timed(2000, () => {
      const phone = random.pick(phones);
      const written = random.pick([phone, formatPhone(phone), `+86${phone}`]);
      return core.dispatch('callers.history', { phone: written });
    });
    const long = await timed(500, (i) => core.dispatch('tickets.search', { query: longQueries[i % longQueries.length] }));
    const short = await timed(500, (i) => core.dispatch('tickets.search', { query: shortQueries[i % shortQueries.length] }));
    const scale = `${count.toLocaleString()}-ticket cache`;
    return [
      { id: 1, measure: 'caller lookup by phone', detail: `2,000 lookups, ${scale}`, unit: 'ms', median: median(lookups), p99: percentile(lookups, 99), target: 'p99 < 5 ms', met: percentile(lookups, 99) < 5 },
      { id: 2, measure: 'ticket search, 3+ characters', detail: `500 searches, ${scale}`, unit: 'ms', median: median(long), p99: percentile(long, 99), target: 'p99 < 50 ms', met: percentile(long, 99) < 50 },
      { id: 2, measure: 'ticket search, 1–2 characters', detail: `500 searches, ${scale}`, unit: 'ms', median: median(short), p99: percentile(short, 99), target: 'p99 < 200 ms', met: percentile(short, 99) < 200 },
    ];
  } finally {
    await core.close();
  }
}

/** Measure 9 (workstation): the resident memory of a fresh core process that has served lookups and searches on the cache. */
export function measureCoreMemory(dataDir: string, count: number): MeasureResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'core-memory.ts'), dataDir], { encoding: 'utf8' });
  const { rssMb } = JSON.parse(out.trim().split('\n').at(-1)!) as { rssMb: number };
  return {
    id: 9,
    measure: 'memory: workstation core',
    detail: `resident set after 500 lookups and 200 searches, ${count.toLocaleString()}-ticket cache (${(fs.statSync(path.join(dataDir, 'workstation.sqlite3')).size / 1e6).toFixed(0)} MB file)`,
    unit: 'MB',
    median: rssMb,
    p99: null,
    target: '< 300 MB',
    met: rssMb < 300,
  };
}
