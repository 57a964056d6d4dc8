/** `npm run seed`: demo users, reference data and a centre's tickets into the configured database. */
import { loadConfig } from '../config';
import { openServerDatabase } from '../db/open';
import { seedDemo } from './seed';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const count = Number(option('tickets') ?? 12_000);
const closedShare = option('closed-share') === undefined ? undefined : Number(option('closed-share'));
if (!Number.isInteger(count) || count < 0) {
  console.error('--tickets must be a whole number, e.g. --tickets=12000');
  process.exit(2);
}
if (closedShare !== undefined && !(closedShare >= 0 && closedShare <= 0.95)) {
  console.error('--closed-share must be a share of the tickets from 0 to 0.95, e.g. --closed-share=0.1');
  process.exit(2);
}
const config = loadConfig();
const db = await openServerDatabase(config);
try {
  const started = Date.now();
  const result = await seedDemo(db, { count, closedShare, timeZone: config.timeZone });
  console.log(
    `Seeded ${db.engine}: ${result.reference} reference items changed, ${result.users} demo users, ` +
      `${result.tickets === 0 ? 'tickets left as they were (the centre already has some)' : `${result.tickets} tickets`} in ${Date.now() - started} ms.`,
  );
} finally {
  await db.close();
}
