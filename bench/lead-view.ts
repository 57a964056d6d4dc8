/**
 * The lead's view alone (measure 6 on screen), without the rest of the bench:
 *   npm run bench:lead-view [-- --agents 700 --open 10000 --samples 100]
 * A throwaway PostgreSQL cluster, its own centre, the browser host and Chromium; prints median and p99.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startThrowawayPostgres } from '../tests/support/postgres-cluster';
import { measureLeadView } from './measures/lead-view';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '700' },
    open: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '100' },
    seed: { type: 'string', default: '20261201' },
  },
});
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-lead-view-'));
const cluster = await startThrowawayPostgres({ fsync: true });
try {
  const result = await measureLeadView({
    clusterUrl: cluster.url,
    dir,
    seed: Number(values.seed),
    agents: Number(values.agents),
    openTickets: Number(values.open),
    samples: Number(values.samples),
    log,
  });
  const ms = (value: number | null) => `${value?.toFixed(0)} ms`;
  log(`${result.measure}: median ${ms(result.median)}, p99 ${ms(result.p99)} (${result.target}: ${result.met ? 'met' : 'missed'})`);
} finally {
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
