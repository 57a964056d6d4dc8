import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatPhone } from '../../src/shared/domain/phone';
import { seededRandom } from '../../src/server/seed/random';
import { median, percentile, type MeasureResult, timed } from './stats';
import { openBenchCore, signInBench } from './bootstrap';

const longQueries = ['暖气不热', '楼道灯不亮', '噪音扰民', '停水', '小区门口', '电动车充电', '健身房关门', '消防通道被堵'];
const shortQueries = ['水', '暖', '灯', '吵', '树', '停电', '噪音', '路灯', '物业', '漏水'];

/** Measures 1 and 2: caller lookup and search on the cache, as the UI calls them. */
export async function measureLookups(dataDir: string, phones: string[], count: number, seed: number): Promise<MeasureResult[]> {
  const core = openBenchCore(dataDir);
  const random = seededRandom(seed + 1);
  try {
    await signInBench(core);
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
      {
        id: 1,
        measure: 'caller lookup by phone',
        detail: `2,000 lookups, ${scale}`,
        unit: 'ms',
        median: median(lookups),
        p99: percentile(lookups, 99),
        target: 'p99 < 5 ms',
        met: percentile(lookups, 99) < 5,
      },
      {
        id: 2,
        measure: 'ticket search, 3+ characters',
        detail: `500 searches, ${scale}`,
        unit: 'ms',
        median: median(long),
        p99: percentile(long, 99),
        target: 'p99 < 50 ms',
        met: percentile(long, 99) < 50,
      },
      {
        id: 2,
        measure: 'ticket search, 1–2 characters',
        detail: `500 searches, ${scale}`,
        unit: 'ms',
        median: median(short),
        p99: percentile(short, 99),
        target: 'p99 < 200 ms',
        met: percentile(short, 99) < 200,
      },
    ];
  } finally {
    await core.close();
  }
}

/** Measure 9 (workstation): the resident memory of a fresh core process that has served lookups and searches on the cache. */
export function measureCoreMemory(dataDir: string, count: number): MeasureResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'core-memory.ts'), dataDir], {
    encoding: 'utf8',
  });
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
