/**
 * `npm run test:fault -- --seeds 50 [--from 1] [--steps 150]`: the seeded fault-injection run.
 * Prints each seed's report; exits non-zero if any seed broke an invariant. Pin a failing seed in
 * pinned-seeds.json once fixed, so `npm test` runs it from then on.
 */
import { parseArgs } from 'node:util';
import { startThrowawayPostgres } from '../support/postgres-cluster';
import { formatReport, runSeed, stopLeftovers } from './harness';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '10' }, from: { type: 'string', default: '1' }, steps: { type: 'string', default: '150' } },
});
const count = Number(values.seeds);
const from = Number(values.from);
const steps = Number(values.steps);

const cluster = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
const postgresUrl = process.env.TEST_DATABASE_URL ?? cluster!.url;
// However this process ends (a crash, Ctrl+C), the throwaway cluster must not outlive it.
let stopped = false;
const stopCluster = () => {
  if (stopped) return;
  stopped = true;
  cluster?.stop();
};
process.on('exit', stopCluster);
const failed: number[] = [];
let totals = { writes: 0, kills: 0, partitions: 0, duplicated: 0, poison: 0, revocations: 0 };
let done = 0;
const summary = (seeds: number) =>
  `${seeds - failed.length} passed, ${failed.length} failed — ${totals.writes} writes, ${totals.kills} kills, ` +
  `${totals.partitions} partitions, ${totals.duplicated} duplicated pushes, ${totals.poison} poison events, ` +
  `${totals.revocations} sessions revoked over ${seeds} seeds`;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\ninterrupted after ${done} of ${count} seeds: ${summary(done)}`);
    process.exit(130);
  });
}
try {
  for (let seed = from; seed < from + count; seed++) {
    // A seed whose harness broke (a process that would not start) fails; the run goes on.
    const report = await runSeed(seed, postgresUrl, { steps }).catch((error: unknown) => {
      console.log(`seed ${seed}: FAIL — the harness broke: ${String(error)}`);
      return stopLeftovers().then(() => null);
    });
    done += 1;
    if (!report) {
      failed.push(seed);
      continue;
    }
    console.log(formatReport(report));
    if (!report.ok) failed.push(seed);
    totals = {
      writes: totals.writes + report.made,
      kills: totals.kills + report.workstationKills + report.serverKills,
      partitions: totals.partitions + report.partitions,
      duplicated: totals.duplicated + report.duplicated,
      poison: totals.poison + report.poison,
      revocations: totals.revocations + report.revocations,
    };
  }
} finally {
  stopCluster();
}
console.log(`\n${summary(count)}`);
if (failed.length) {
  console.log(`failing seeds: ${failed.join(' ')} — reproduce with: npm run test:fault -- --from <seed> --seeds 1`);
  process.exit(1);
}
