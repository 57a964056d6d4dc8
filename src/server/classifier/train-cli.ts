/**
 * `npm run train`: retrains the category classifier on the centre's ticket history, prints its
 * 5-fold cross-validated accuracy, and publishes it to the workstations.
 * `npm run train -- --evaluate file.csv`: the same cross-validation on any labelled CSV (columns
 * `text`, `category`, optional `title`), changing nothing; the last line has top-1 and top-3.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsv } from '../../shared/csv';
import { crossValidate, type Example } from '../../shared/domain/classifier';
import { loadConfig } from '../config';
import { openServerDatabase } from '../db/open';
import { buildModel, historyExamples, publishModel } from './training';

const { values } = parseArgs({ options: { evaluate: { type: 'string' } } });
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const report = (evaluation: ReturnType<typeof crossValidate>) => {
  console.log(`baseline (character-bigram naive Bayes): top-1 ${percent(evaluation.baseline.top1)} top-3 ${percent(evaluation.baseline.top3)}`);
  console.log(`5-fold cross-validation on ${evaluation.examples} examples: top-1 ${percent(evaluation.ours.top1)} top-3 ${percent(evaluation.ours.top3)}`);
};

function examplesFromCsv(file: string): Example[] {
  const { columns, rows } = parseCsv(fs.readFileSync(file, 'utf8'));
  for (const needed of ['text', 'category']) if (!columns.includes(needed)) throw new Error(`${file} has no "${needed}" column (found: ${columns.join(', ')}).`);
  return rows
    .map((r) => ({ text: [r.title, r.text].filter((x) => x && x.trim()).join('。'), category: (r.category ?? '').trim() }))
    .filter((e) => e.text.trim() !== '' && e.category !== '');
}

try {
  if (values.evaluate) {
    const examples = examplesFromCsv(values.evaluate);
    if (examples.length < 10) throw new Error(`${values.evaluate}: only ${examples.length} labelled rows; cross-validation needs at least 10.`);
    const started = Date.now();
    const evaluation = crossValidate(examples);
    console.log(`${examples.length} labelled rows, ${new Set(examples.map((e) => e.category)).size} categories, evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing was changed.`);
    report(evaluation);
  } else {
    const config = loadConfig();
    const db = await openServerDatabase(config);
    try {
      const examples = await historyExamples(db);
      if (examples.length < 10) throw new Error(`Only ${examples.length} categorised tickets in the database: import history first (npm run import).`);
      const { model, evaluation } = buildModel(examples);
      await publishModel(db, model, evaluation);
      console.log(`Trained on ${examples.length} tickets, ${model.classes.length} categories, ${Object.keys(model.vocabulary).length} features; published to workstations.`);
      report(evaluation);
    } finally {
      await db.close();
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
