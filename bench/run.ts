/**
 * `npm run bench -- [--scale small|default|large]`: the city-scale benchmarks. Generates
 * a deterministic data set, runs each measure, and writes medians and p99s with their targets to
 * bench/results.json and bench/results.md.
 *   small: 100,000 tickets · default: 1,000,000 · large: 5,000,000 (--tickets N to try a change)
 * A measure that misses its target is reported as missed, with what it measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/server/db/postgres';
import { migrateServer } from '../src/server/db/migrate';
import { seedDemoUsers, seedReference } from '../src/server/seed/seed';
import { seededRandom } from '../src/server/seed/random';
import { startThrowawayPostgres } from '../tests/support/postgres-cluster';
import { bootstrapResult, bootstrapWorkstation, copyCentre, rawInsert } from './measures/bootstrap';
import { measureCoreMemory, measureLookups } from './measures/cache-lookups';
import { measureClassifier } from './measures/classifier';
import { startCentralServer } from './measures/central-server';
import { measureInBrowser } from './measures/browser';
import { measurePeer, registerOfflineTickets } from './measures/peer-pouchdb';
import { measureLeadView } from './measures/lead-view';
import { measureLiveLoad } from './measures/live-load';
import { measureReconnectStorm, simulatedWorkstations } from './measures/reconnect-storm';
import type { MeasureResult } from './measures/stats';
import { syntheticCentre } from './measures/synthetic-centre';

const scales = { small: 100_000, default: 1_000_000, large: 5_000_000 } as const;
const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'default' }, seed: { type: 'string', default: '20261129' }, tickets: { type: 'string' } },
});
if (!(values.scale in scales)) {
  console.error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
  process.exit(2);
}
const scale = values.scale as keyof typeof scales;
// --tickets N overrides the scale's count, for trying a change quickly.
const tickets = values.tickets ? Number(values.tickets) : scales[scale];
const seed = Number(values.seed);
// The peer comparison is 100,000 tickets at every scale; fewer when a run is shortened with --tickets.
const peerCount = Math.min(100_000, tickets);
const peerSeed = seed + 4;
const started = performance.now();
// Minutes:seconds since the start on every line: where a run's time goes, for keeping it under 15 minutes.
const clock = () => {
  const seconds = Math.round((performance.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
const log = (line: string) => console.log(`[${clock()}] ${line}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-'));
const results: MeasureResult[] = [];
const cluster = await startThrowawayPostgres({ fsync: true });
const stops: (() => Promise<void>)[] = [];
try {
  log(`bench: ${scale} scale, ${tickets.toLocaleString()} tickets, seed ${seed}`);
  const serverDb = await openPostgres(cluster.url);
  stops.push(() => serverDb.close());
  await migrateServer(serverDb);
  await seedReference(serverDb);
  await seedDemoUsers(serverDb);
  // Two set-ups at once: measure 7's workstation registers its offline tickets in its own process
  // while the centre is copied in; both are done before anything is timed.
  const peerDir = path.join(dataDir, 'peer');
  const peerRegistered = registerOfflineTickets(peerDir, peerSeed, peerCount);
  // Handled where it is awaited; a failure meanwhile must not end the process before the cluster is stopped.
  peerRegistered.catch(() => undefined);
  const centre = syntheticCentre(seededRandom(seed), tickets);
  const loaded = await copyCentre(cluster.url, serverDb, centre);
  log(
    `  centre on PostgreSQL by COPY: ${tickets.toLocaleString()} tickets, ${loaded.head.toLocaleString()} events in ${loaded.seconds.toFixed(1)} s`,
  );
  log(`  peer: ${peerCount.toLocaleString()} tickets registered offline meanwhile, in ${(await peerRegistered).toFixed(1)} s`);
  const server = await startCentralServer(cluster.url);
  stops.push(server.stop);

  const ours = await bootstrapWorkstation(dataDir, server.url, log);
  log(`  bootstrap: ${ours.tickets.toLocaleString()} tickets in ${ours.seconds.toFixed(1)} s`);
  // The same seed makes the same rows again, for the raw insert to store.
  const raw = rawInsert(dataDir, syntheticCentre(seededRandom(seed), tickets));
  log(`  raw insert of the same events: ${raw.seconds.toFixed(1)} s`);
  results.push(bootstrapResult(ours.tickets, ours, raw));

  const lookups = await measureLookups(dataDir, centre.phones, tickets, seed);
  results.push(...lookups, measureCoreMemory(dataDir, tickets));
  log(`  lookups and searches p99 ${lookups.map((r) => r.p99?.toFixed(1)).join(' / ')} ms`);
  // Before the storm: its 70,000 new tickets would otherwise be pulled into this cache meanwhile.
  const browser = await measureInBrowser({
    dataDir,
    serverUrl: server.url,
    serverDb,
    phones: centre.phones,
    random: seededRandom(seed + 3),
    count: tickets,
    samples: 150,
  });
  log(`  screen-pop p99 ${browser[0]!.p99?.toFixed(0)} ms; ${browser[1]!.detail}`);
  results.push(...browser);

  const random = seededRandom(seed + 2);
  const workstations = await simulatedWorkstations(serverDb, random, 700, ['CTR2', 'BNCH']);
  const storm = await measureReconnectStorm({
    clusterUrl: cluster.url,
    serverDb,
    serverUrl: server.url,
    workstations,
    perWorkstation: 100,
    random,
    dir: dataDir,
  });
  log(`  ${storm.detail}`);
  results.push(storm);
  const live = await measureLiveLoad({
    serverDb,
    serverUrl: server.url,
    serverPid: server.process.pid!,
    workstations,
    random,
    samples: 200,
  });
  log(`  monitor delay p99 ${live[0]!.p99?.toFixed(0)} ms; server ${live[1]!.median?.toFixed(0)} MB`);
  results.push(...live);
  // The lead's screen, on a centre of its own: a lead's monitor holds every open order, so it gets a day's open work, not the million.
  const leadView = await measureLeadView({
    clusterUrl: cluster.url,
    dir: dataDir,
    seed: seed + 5,
    agents: 700,
    openTickets: 10_000,
    samples: 100,
    log,
  });
  log(`  monitor delay on screen p99 ${leadView.p99?.toFixed(0)} ms`);
  results.push(leadView);
  const peer = await measurePeer({ clusterUrl: cluster.url, dir: peerDir, seed: peerSeed, count: peerCount, log });
  log(`  ${peer.detail}`);
  results.push(peer);
  const classifier = await measureClassifier(dataDir);
  log(`  classifier: trained in ${classifier[0]!.median?.toFixed(1)} s, suggestion p99 ${classifier[1]!.p99?.toFixed(2)} ms`);
  results.push(...classifier);
} finally {
  for (const stop of stops.reverse()) await stop();
  cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const number = (value: number | null, unit: string, atMost?: number) =>
  value === null
    ? '—'
    : atMost !== undefined && value <= atMost
      ? `≤ ${atMost} ${unit}`
      : `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString()} ${unit}`;
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'missed');
const table = [
  '| # | measure | how | median | p99 | target | result |',
  '|---|---|---|---|---|---|---|',
  ...results
    .sort((a, b) => a.id - b.id)
    .map(
      (r) =>
        `| ${r.id} | ${r.measure} | ${r.detail} | ${number(r.median, r.unit, r.atMost)} | ${number(r.p99, r.unit, r.atMost)} | ${r.target} | ${verdict(r.met)} |`,
    ),
].join('\n');
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
const minutes = (performance.now() - started) / 60_000;
const report = { scale, tickets, seed, machine, at: new Date().toISOString(), minutes: Number(minutes.toFixed(1)), results };
fs.writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(
  path.join(import.meta.dirname, 'results.md'),
  `${table}\n\nScale \`${scale}\` (${tickets.toLocaleString()} tickets), seed ${seed}, on ${machine}; ${minutes.toFixed(1)} min.\n`,
);
console.log(`\n${table}\n\n${machine}; ${minutes.toFixed(1)} min. Written to bench/results.json and bench/results.md.`);
