/**
 * `npm run import -- file.csv [--map ours=theirs,…] [--mapping map.json] [--create-catalogue]
 * [--zone Area/City] [--sla general]`: historical tickets into the configured database
 * (DATABASE_URL, or PGlite in DATA_DIR; see config.ts). Columns: column-mapping.ts and the README.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { slaClasses, slaClassSchema } from '../../shared/domain/reference';
import { loadConfig } from '../config';
import { openServerDatabase } from '../db/open';
import { type ColumnMapping, importColumnNames, importColumns, parseMapOption, parseMappingFile } from './column-mapping';
import { importHistory } from './import-history';

const usage = `Usage: npm run import -- <file.csv> [options]
  --map ours=theirs,…   the file's column for each of ours, e.g. text=Descriptor,category=Complaint Type,created=Created Date
  --mapping FILE.json   the same as a JSON object, e.g. resources/import/us-311-mapping.json (--map entries win)
  --create-catalogue    create the categories, units (agencies), districts and streets the file names
  --zone Area/City      the zone of dates written without one (default: TIMEZONE, the centre's)
  --sla CLASS           SLA class of created categories: ${slaClasses.join(', ')} (default general)
  --batch N             tickets per transaction (default 1000)
Our columns:
${importColumnNames.map((name) => `  ${name.padEnd(15)} ${importColumns[name]}`).join('\n')}`;

function options() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        map: { type: 'string' },
        mapping: { type: 'string' },
        'create-catalogue': { type: 'boolean', default: false },
        zone: { type: 'string' },
        sla: { type: 'string', default: 'general' },
        batch: { type: 'string', default: '1000' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

const { values, positionals } = options();
const file = positionals[0];
if (values.help || !file || positionals.length > 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const sla = slaClassSchema.safeParse(values.sla);
const batch = Number(values.batch);
if (!sla.success || !Number.isInteger(batch) || batch < 1) {
  console.error(
    `${!sla.success ? `--sla must be one of ${slaClasses.join(', ')}` : '--batch must be a whole number above 0'}.\n\n${usage}`,
  );
  process.exit(2);
}

const thousands = (n: number) => n.toLocaleString('en-US');
let db: Awaited<ReturnType<typeof openServerDatabase>> | null = null;
try {
  const mapping: ColumnMapping = {
    ...(values.mapping ? parseMappingFile(fs.readFileSync(values.mapping, 'utf8'), values.mapping) : {}),
    ...(values.map ? parseMapOption(values.map) : {}),
  };
  const config = loadConfig();
  const csv = fs.readFileSync(file, 'utf8');
  db = await openServerDatabase(config);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const result = await importHistory(db, csv, {
    timeZone: config.timeZone,
    zone: values.zone,
    mapping,
    createCatalogue: values['create-catalogue'],
    sla: sla.data,
    batchTickets: batch,
    progress: (done, total) => console.error(`imported ${thousands(done)} / ${thousands(total)} rows (${seconds()} s)`),
  });
  const made = Object.entries(result.created)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${n === 1 ? kind : kind === 'category' ? 'categories' : `${kind}s`}`);
  console.log(
    `${thousands(result.rows)} rows: ${thousands(result.imported)} tickets imported, ${thousands(result.alreadyThere)} already there${made.length > 0 ? `; created ${made.join(', ')}` : ''}, in ${seconds()} s. Run npm run train to learn from them.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db?.close();
}
