/** `npm run seed`: demo users, reference data and ticket history into the configured database. */
import { loadConfig } from '../config';
import { openServerDatabase } from '../db/open';
import { seedDemo } from './seed';

const count = Number(process.argv.find((a) => a.startsWith('--tickets='))?.split('=')[1] ?? 4000);
if (!Number.isInteger(count) || count < 0) {
  console.error('--tickets must be a whole number, e.g. --tickets=4000');
  process.exit(2);
}
const config = loadConfig();
const db = await openServerDatabase(config);
try {
  const started = Date.now();
  const result = await seedDemo(db, { count, timeZone: config.timeZone });
  console.log(
    `Seeded ${db.engine}: ${result.reference} reference items changed, ${result.users} demo users, ` +
      `${result.tickets === 0 ? 'tickets left as they were (the centre already has some)' : `${result.tickets} tickets`} in ${Date.now() - started} ms.`,
  );
} finally {
  await db.close();
}
