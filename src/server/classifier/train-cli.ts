/**
 * `npm run train`: retrains the category classifier on the centre's ticket history and publishes
 * it to the workstations if it is not worse on held-out messages than the model in use (`--force`
 * publishes anyway).
 * `npm run train -- --evaluate FILE`: 5-fold cross-validation on a labelled CSV (columns `text`,
 * `category`, optional `title`); `--train-file TRAIN` trains on TRAIN and scores FILE instead;
 * `--sample N` first takes a stratified sample of N rows. Changes nothing.
 * Both also score routing: proposals learned from the older 80 % of handled tickets (by created time)
 * predict the lead unit of the newest 20 %, beside the written rules alone; training publishes the
 * proposals learned from all of it. With `--evaluate` that needs a `unit` column (the catalogue's
 * rules stand for the written ones), and is skipped without one. The last line is `routing NN.N%`,
 * or top-1 and top-3 when routing was skipped.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsv } from '../../shared/csv';
import { type Example, stratifiedSample } from '../../shared/domain/classifier-corpus';
import { crossValidate, type Evaluation, evaluateSplit } from '../../shared/domain/classifier-evaluation';
import { evaluateRouting } from '../../shared/domain/routing-evaluation';
import { entriesOf } from '../../shared/domain/reference';
import { loadConfig } from '../config';
import { openServerDatabase } from '../db/open';
import { defaultReferenceData } from '../reference/reference-data';
import { handledFromCsv, routingReportLines } from '../routing/routing-report';
import { relearnRouting } from '../routing/routing-history';
import { retrain } from './training';

const { values } = parseArgs({
  options: {
    evaluate: { type: 'string' },
    'train-file': { type: 'string' },
    sample: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const report = (evaluation: Evaluation, how: string) => {
  console.log(
    `baseline (character-bigram naive Bayes): top-1 ${percent(evaluation.baseline.top1)} top-3 ${percent(evaluation.baseline.top3)}`,
  );
  const hits = (rate: number) => Math.round(rate * evaluation.examples).toLocaleString();
  console.log(
    `${how}, linear SVM on character 1-2-gram TF-IDF: ${hits(evaluation.ours.top1)} of ${evaluation.examples.toLocaleString()} right first, ${hits(evaluation.ours.top3)} in the top three`,
  );
  console.log(`top-1 ${percent(evaluation.ours.top1)} top-3 ${percent(evaluation.ours.top3)}`);
};

function readCsv(file: string) {
  if (!fs.existsSync(file))
    throw new Error(`${file} does not exist: give the path of a CSV with a header row naming "text" and "category".`);
  return parseCsv(fs.readFileSync(file, 'utf8'));
}

function examplesFromCsv(file: string): Example[] {
  const { columns, rows } = readCsv(file);
  for (const needed of ['text', 'category'])
    if (!columns.includes(needed)) throw new Error(`${file} has no "${needed}" column (found: ${columns.join(', ')}).`);
  const examples = rows
    .map((r) => ({ text: [r.title, r.text].filter((x) => x && x.trim()).join('。'), category: (r.category ?? '').trim() }))
    .filter((e) => e.text.trim() !== '' && e.category !== '');
  if (examples.length < 10) throw new Error(`${file}: only ${examples.length} labelled rows; evaluation needs at least 10.`);
  return examples;
}

function sampled(examples: Example[]): Example[] {
  if (values.sample === undefined) return examples;
  const size = Number(values.sample);
  if (!Number.isInteger(size) || size < 10)
    throw new Error(`--sample must be a whole number of rows, at least 10 (got "${values.sample}").`);
  return stratifiedSample(examples, size);
}

try {
  if (values.evaluate) {
    const started = Date.now();
    const test = sampled(examplesFromCsv(values.evaluate));
    const { columns, rows } = readCsv(values.evaluate);
    // Said first, so that the last line stays top-1 and top-3 when routing is not scored.
    const routed = columns.includes('unit') ? rows : null;
    if (!routed) console.log(`Routing not scored: ${values.evaluate} has no "unit" column naming the unit that handled each row.`);
    const categories = new Set(test.map((e) => e.category)).size;
    if (values['train-file']) {
      const train = examplesFromCsv(values['train-file']);
      const evaluation = await evaluateSplit(train, test);
      console.log(
        `Trained on ${train.length} rows of ${values['train-file']}, scored ${test.length} rows (${categories} categories) in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing was changed.`,
      );
      report(evaluation, `held-out ${values.evaluate}`);
    } else {
      const evaluation = await crossValidate(test);
      console.log(
        `${test.length} labelled rows, ${categories} categories, evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing was changed.`,
      );
      report(evaluation, '5-fold cross-validation');
    }
    if (routed) {
      const rules = entriesOf(defaultReferenceData(), 'routingRule');
      for (const line of routingReportLines(evaluateRouting(handledFromCsv(routed), rules))) console.log(line);
    }
  } else {
    if (values['train-file'] || values.sample) throw new Error('--train-file and --sample go with --evaluate FILE.');
    const config = loadConfig();
    const db = await openServerDatabase(config);
    try {
      const { model, verdict, seconds } = await retrain(db, { force: values.force });
      console.log(
        `Trained on ${model.examples} tickets, ${model.classes.length} categories, ${model.features.length} features, cost ${model.cost}, in ${seconds.toFixed(1)} s.`,
      );
      console.log(
        verdict.publish
          ? `Published to workstations (${verdict.reason}).`
          : `Not published: not better than the model in use (${verdict.reason}). --force publishes anyway.`,
      );
      console.log(`cross-validated top-1 ${percent(model.evaluation.top1)} top-3 ${percent(model.evaluation.top3)}`);
      const routing = await relearnRouting(db);
      console.log(
        `Published ${routing.proposals.length.toLocaleString()} routing proposals learned from ${routing.tickets.toLocaleString()} handled tickets (${routing.changed.toLocaleString()} new or changed) in ${routing.seconds.toFixed(1)} s.`,
      );
      for (const line of routingReportLines(routing.evaluation)) console.log(line);
    } finally {
      await db.close();
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
