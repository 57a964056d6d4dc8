/**
 * `npm run server`: the central server. Embedded PGlite in DATA_DIR unless DATABASE_URL names a
 * PostgreSQL; on an empty embedded database it seeds the demo centre (SEED_DEMO=auto).
 */
import { buildServer } from './app';
import { publishPeople } from './auth/people';
import { scheduleNightlyTraining } from './classifier/nightly';
import { loadConfig } from './config';
import { openServerDatabase } from './db/open';
import { sql } from './db/sql';
import { seedDemo } from './seed/seed';
import { startUnitSimulator } from './units/unit-simulator';

async function main() {
  const config = loadConfig();
  const db = await openServerDatabase(config);
  const [users] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  const seed = config.seedDemo === 'yes' || (config.seedDemo === 'auto' && db.engine === 'pglite' && users!.n === 0);
  if (seed) {
    const started = Date.now();
    const seeded = await seedDemo(db, {
      count: config.seedTickets,
      closedShare: config.seedClosedShare,
      model: config.seedModel,
      timeZone: config.timeZone,
    });
    console.log(`Seeded the demo centre in ${Date.now() - started} ms: ${JSON.stringify(seeded)}`);
  }
  // Users made before names were published, or by the seed, get their names to the workstations.
  await publishPeople(db);
  const app = await buildServer({ db, config });
  if (config.simulateUnits) {
    const stopUnits = startUnitSimulator(db, { ...config.simulateUnits, timeZone: config.timeZone, log: app.log });
    app.addHook('onClose', stopUnits);
    console.log(
      `Simulated units: accept after ${config.simulateUnits.acceptAfterMs / 1000} s, report back after ${config.simulateUnits.feedbackAfterMs / 1000} s more.`,
    );
  }
  if (config.trainAt) {
    app.addHook('onClose', scheduleNightlyTraining(db, { timeOfDay: config.trainAt, timeZone: config.timeZone, log: app.log }));
    console.log(`The category model retrains each night at ${config.trainAt} (${config.timeZone}); TRAIN_AT=off turns this off.`);
  }
  await app.listen({ host: config.host, port: config.port });
  console.log(`Hotline central server on http://${config.host}:${(app.server.address() as { port: number }).port}/ (${db.engine})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // A client that never finishes must not keep the process from stopping.
    setTimeout(() => process.exit(1), 15_000).unref();
    // Fastify stops accepting, waits for in-flight requests, then runs onClose hooks (live hub).
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
