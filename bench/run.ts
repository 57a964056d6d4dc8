/**
 * `npm run bench -- [--scale small|default|large]`: the city-scale benchmarks (issue 10). Generates
 * a deterministic data set, runs each measure, and writes medians and p99s with their targets to
 * bench/results.json and bench/results.md.
 *   small: 100,000 tickets · default: 1,000,000 · large: 5,000,000 (--tickets N to try a change)
 * Measures not built yet are listed as such, never as met.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCache, measureCoreMemory, measureLookups } from './measures/cache-lookups';
import type { MeasureResult } from './measures/stats';

const scales = { small: 100_000, default: 1_000_000, large: 5_000_000 } as const;
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'default' }, seed: { type: 'string', default: '20261129' }, tickets: { type: 'string' } } });
if (!(values.scale in scales)) {
  console.error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
  process.exit(2);
}
const scale = values.scale as keyof typeof scales;
// --tickets N overrides the scale's count, for trying a change quickly.
const tickets = values.tickets ? Number(values.tickets) : scales[scale];
const seed = Number(values.seed);
const log = (line: string) => console.log(line);

const notYet = (id: number, measure: string, target: string): MeasureResult => ({ id, measure, detail: 'not built yet', unit: 'ms', median: null, p99: null, target, met: null });

const started = performance.now();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-'));
const results: MeasureResult[] = [];
try {
  log(`bench: ${scale} scale, ${tickets.toLocaleString()} tickets, seed ${seed}`);
  const cache = buildCache(dataDir, tickets, seed, log);
  log(`  cache built in ${cache.seconds.toFixed(1)} s (${Math.round(tickets / cache.seconds).toLocaleString()} tickets/s through the bootstrap store path)`);
  results.push(...(await measureLookups(dataDir, cache.phones, tickets, seed)));
  results.push(measureCoreMemory(dataDir, tickets));
  results.push(
    notYet(3, 'bootstrap vs raw bulk insert', '≥ 30 % of raw, < 60 s'),
    notYet(4, 'reconnect storm: 700 × 100 offline tickets vs COPY', 'all acked < 60 s, ≥ 25 % of COPY'),
    notYet(5, 'screen-pop: CTI newCall → caller history rendered', 'p99 < 150 ms'),
    notYet(6, 'lead monitor delay, 700 connected workstations', 'p99 < 1 s'),
    notYet(7, 'peer: PouchDB replication of 100,000 tickets vs ours', 'ours ≥ 5× faster'),
    notYet(8, 'keystroke → paint, intake form', 'p95 < 50 ms'),
    notYet(9, 'memory: server with 700 WebSockets', '< 1 GB'),
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const number = (value: number | null, unit: string) => (value === null ? '—' : `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString()} ${unit}`);
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'missed');
const table = [
  '| # | measure | how | median | p99 | target | result |',
  '|---|---|---|---|---|---|---|',
  ...results.sort((a, b) => a.id - b.id).map((r) => `| ${r.id} | ${r.measure} | ${r.detail} | ${number(r.median, r.unit)} | ${number(r.p99, r.unit)} | ${r.target} | ${verdict(r.met)} |`),
].join('\n');
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
const minutes = (performance.now() - started) / 60_000;
const report = { scale, tickets, seed, machine, at: new Date().toISOString(), minutes: Number(minutes.toFixed(1)), results };
fs.writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(import.meta.dirname, 'results.md'), `${table}\n\nScale \`${scale}\` (${tickets.toLocaleString()} tickets), seed ${seed}, on ${machine}; ${minutes.toFixed(1)} min.\n`);
console.log(`\n${table}\n\n${machine}; ${minutes.toFixed(1)} min. Written to bench/results.json and bench/results.md.`);
