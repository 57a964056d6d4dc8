/** `npm run import -- file.csv`: historical tickets into the configured database (columns: import-history.ts, README). */
import fs from 'node:fs';
import { loadConfig } from '../config';
import { openServerDatabase } from '../db/open';
import { importHistory } from './import-history';

const file = process.argv[2];
if (!file) {
  console.error(
    'Usage: npm run import -- <file.csv>   (columns: text, category, created; optional district, street, unit, phone, request_type, title)',
  );
  process.exit(2);
}
const config = loadConfig();
const db = await openServerDatabase(config);
try {
  const started = Date.now();
  const result = await importHistory(db, fs.readFileSync(file, 'utf8'), config.timeZone);
  console.log(
    `${result.rows} rows: ${result.imported} tickets imported, ${result.alreadyThere} already there, in ${((Date.now() - started) / 1000).toFixed(1)} s. Run npm run train to learn from them.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
