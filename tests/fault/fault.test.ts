import { describe, expect, inject, it } from 'vitest';
import pinned from './pinned-seeds.json';
import { formatReport, runSeed } from './harness';

/**
 * A few seeds of the fault-injection run in every `npm test`: the pinned ones (seeds that once
 * failed) and two more. `npm run test:fault -- --seeds 50` runs many.
 * PostgreSQL only: the run kills and restarts two server processes that share one database, and
 * PGlite lives inside one process (its data folder cannot be opened by two at once).
 */
const seeds = [...new Set([...pinned.map((p) => p.seed), 11, 12])];

describe('fault injection (the sync guarantees)', () => {
  it.each(seeds)(
    'seed %i keeps every guarantee',
    async (seed) => {
      const report = await runSeed(seed, inject('postgresUrl'), { steps: 100 });
      console.log(formatReport(report));
      expect(report.invariants.filter((i) => !i.ok)).toEqual([]);
      // A run that injected nothing would prove nothing.
      expect(report.workstationKills + report.serverKills).toBeGreaterThan(0);
      expect(report.acknowledged).toBeGreaterThan(20);
    },
    180_000,
  );
});
