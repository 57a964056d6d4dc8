/**
 * History import speed: a generated US 311 export (scripts/us-311-sample.ts) of N rows imported
 * with --create-catalogue semantics into a throwaway PostgreSQL cluster with its durable defaults
 * (fsync on), then imported again (every row already there).
 *   npx tsx bench/import-history.ts [-- --rows 100000 --batch 1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { migrateServer } from '../src/server/db/migrate';
import { openPostgres } from '../src/server/db/postgres';
import { parseMappingFile } from '../src/server/history/column-mapping';
import { importHistory, type ImportOptions } from '../src/server/history/import-history';
import { seedReference } from '../src/server/seed/seed';
import { us311Csv } from '../scripts/us-311-sample';
import { startThrowawayPostgres } from '../tests/support/postgres-cluster';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, batch: { type: 'string', default: '1000' } } });
const rows = Number(values.rows);
const mappingFile = 'resources/import/us-311-mapping.json';
const csv = us311Csv(rows);
const options: ImportOptions = {
  timeZone: 'America/New_York',
  zone: 'America/New_York',
  mapping: parseMappingFile(fs.readFileSync(mappingFile, 'utf8'), mappingFile),
  createCatalogue: true,
  batchTickets: Number(values.batch),
};
console.log(
  `history import: ${rows.toLocaleString('en-US')} rows (${(csv.length / 1e6).toFixed(1)} MB), batches of ${values.batch} tickets; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
);
const cluster = await startThrowawayPostgres({ fsync: true });
try {
  const db = await openPostgres(cluster.url);
  await migrateServer(db);
  await seedReference(db);
  for (const run of ['first import', 're-import']) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    // Every 10,000 rows on stderr: a batch that slows as the tables grow shows here.
    const result = await importHistory(db, csv, {
      ...options,
      progress: (done, total) => {
        if (done % 10_000 === 0 || done === total)
          console.error(`  ${done} / ${total} rows (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const heap = process.memoryUsage().rss / 1e6;
    const used = process.cpuUsage(cpu);
    const nodeCpu = (used.user + used.system) / 1e6;
    console.log(
      `${run.padEnd(12)} ${seconds.toFixed(1)} s  (${(rows / seconds).toFixed(0)} rows/s; ${result.imported} imported, ${result.alreadyThere} already there; rss ${heap.toFixed(0)} MB; ${nodeCpu.toFixed(1)} s of CPU in this process; load ${os.loadavg()[0]!.toFixed(1)})`,
    );
  }
  await db.close();
} finally {
  cluster.stop();
}
