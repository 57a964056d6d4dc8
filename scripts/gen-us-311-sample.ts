/**
 * Writes the sample US 311 export (scripts/us-311-sample.ts) that the import tests read:
 *   npx tsx scripts/gen-us-311-sample.ts [--rows 2000] [--seed 311] [--out tests/fixtures/us-311-sample.csv]
 * Import it with: npm run import -- tests/fixtures/us-311-sample.csv --mapping resources/import/us-311-mapping.json --zone America/New_York --create-catalogue
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { us311Lines } from './us-311-sample';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '311' },
    out: { type: 'string', default: 'tests/fixtures/us-311-sample.csv' },
  },
});
const out = fs.createWriteStream(values.out);
for (const line of us311Lines(Number(values.rows), Number(values.seed))) out.write(`${line}\n`);
out.end(() => console.log(`${values.rows} rows written to ${values.out}`));
