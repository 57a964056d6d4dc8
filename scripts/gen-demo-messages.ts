/**
 * Writes resources/demo/citizen-messages.json: the real citizens' messages the demo seed writes its
 * tickets from, chosen from ../shared/data/zh-citizen-messages.csv (beside the repository). Per
 * label: the messages naming a category's words (up to `perCategory` for each category), then
 * others of the label up to `perLabel`, all of a ticket's length. Run: npx tsx scripts/gen-demo-messages.ts [csv]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../src/shared/csv';
import { categoryGroups } from '../src/server/reference/catalogue/categories';
import { labelOf, wordsOf } from '../src/server/seed/demo-text';
import { seededRandom } from '../src/server/seed/random';

const perCategory = 30;
const perLabel = 280;
const [minLength, maxLength] = [30, 240];

const source = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/data/zh-citizen-messages.csv'));
const rows = parseCsv(fs.readFileSync(source, 'utf8')).rows.filter((r) => r.text!.length >= minLength && r.text!.length <= maxLength);
const random = seededRandom(19);
// A seeded shuffle, so a category's picks are spread over the file rather than its first rows.
const shuffled = rows
  .map((r) => ({ r, k: random.next() }))
  .sort((a, b) => a.k - b.k)
  .map(({ r }) => r);

const chosen = new Map<string, Set<string>>();
const take = (label: string, text: string) => chosen.set(label, (chosen.get(label) ?? new Set()).add(text));
for (const group of categoryGroups) {
  for (const [code, zh, , , , keywords] of group.leaves) {
    const label = labelOf(code);
    const words = wordsOf(zh, keywords);
    shuffled
      .filter((r) => r.category === label && words.some((w) => r.text!.includes(w)))
      .slice(0, perCategory)
      .forEach((r) => take(label, r.text!));
  }
}
for (const r of shuffled) if ((chosen.get(r.category!)?.size ?? 0) < perLabel) take(r.category!, r.text!);

const labels = Object.fromEntries([...chosen].sort(([a], [b]) => a.localeCompare(b)).map(([label, texts]) => [label, [...texts].sort()]));
const out = path.resolve(import.meta.dirname, '../resources/demo/citizen-messages.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
const note =
  'Real messages to a city government mailbox, labelled by its staff (2020 TipDM Cup, problem C, attachment 2); places masked by the publisher.';
fs.writeFileSync(out, `${JSON.stringify({ source: note, labels }, null, 1)}\n`);
const counts = Object.entries(labels).map(([l, t]) => `${l} ${t.length}`);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${counts.join(', ')}`);
