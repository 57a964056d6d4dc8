/**
 * Measure 10: the category classifier on the shared real messages (../shared/data beside the
 * repository): training time of the whole pipeline (cost search, calibration, final model), the
 * shipped model's size, and suggestion latency at the keystroke through a workstation core.
 * Needs no centre: `npx tsx bench/measures/classifier.ts` runs it alone.
 * `--scale N [--categories K]` times training on N messages made of sentences of the real ones
 * (K categories, each a real one's sentences, K > 7 splitting them), for the scaling targets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { parseCsv } from '../../src/shared/csv';
import type { Example } from '../../src/shared/domain/classifier-corpus';
import { type TrainOptions, trainCategoryModel } from '../../src/shared/domain/classifier-training';
import { seededRandom } from '../../src/server/seed/random';
import { median, type MeasureResult, percentile } from './stats';

export const sharedMessages = path.resolve(import.meta.dirname, '../../../shared/data/zh-citizen-messages.csv');

function realMessages(): Example[] {
  if (!fs.existsSync(sharedMessages)) throw new Error(`The shared data set is missing: expected ${sharedMessages}.`);
  return parseCsv(fs.readFileSync(sharedMessages, 'utf8')).rows.map((r) => ({ text: r.text!, category: r.category! }));
}

/** Trains and reports wall and CPU seconds (the machine may be shared: CPU time is the one-core figure). */
async function timedTraining(examples: readonly Example[], options: TrainOptions = {}) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const trained = await trainCategoryModel(examples, options);
  return {
    ...trained,
    seconds: (performance.now() - wall) / 1000,
    cpuSeconds: process.cpuUsage(cpu).user / 1e6,
    bytes: Buffer.byteLength(JSON.stringify(trained.model)),
  };
}

export async function measureClassifier(dir: string): Promise<MeasureResult[]> {
  const examples = realMessages();
  const { model, seconds, cpuSeconds, bytes } = await timedTraining(examples);
  const dataDir = fs.mkdtempSync(path.join(dir, 'classifier-'));
  const core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: 'bench', workstationCode: 'BNCK' });
  try {
    applyReferencePage(
      core.db,
      [{ kind: 'model', code: 'category-classifier', version: 1, deleted: false, body: model }],
      1,
      new Date().toISOString(),
    );
    const random = seededRandom(10);
    // What the agent has typed at some keystroke: the first 2–120 characters of a real message.
    const typed = Array.from({ length: 1000 }, () => random.pick(examples).text.slice(0, random.int(2, 120)));
    await core.dispatch('tickets.suggestCategories', { text: typed[0]! }); // the first call reads and compiles the model
    const latencies: number[] = [];
    for (const text of typed) {
      const start = performance.now();
      await core.dispatch('tickets.suggestCategories', { text });
      latencies.push(performance.now() - start);
    }
    const mb = bytes / 1e6;
    return [
      {
        id: 10,
        measure: 'category model training (shared real messages)',
        detail: `${examples.length.toLocaleString()} messages, ${model.classes.length} categories: cost search (3-fold CV, ${model.cost} chosen), calibration, final model; ${cpuSeconds.toFixed(1)} s CPU; model ${mb.toFixed(2)} MB, cross-validated top-1 ${(model.evaluation.top1 * 100).toFixed(1)} %`,
        unit: 's',
        median: seconds,
        p99: null,
        target: '10,000 messages < 30 s; model < 5 MB',
        met: cpuSeconds < 30 * (examples.length / 10_000) && mb < 5,
      },
      {
        id: 10,
        measure: 'category suggestion at the keystroke',
        detail: `1,000 suggestions for the first 2–120 characters of real messages, through the workstation core`,
        unit: 'ms',
        median: median(latencies),
        p99: percentile(latencies, 99),
        target: 'p99 < 5 ms',
        met: percentile(latencies, 99) < 5,
      },
    ];
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `count` messages of 2–5 sentences of real messages of one category; with more categories than real ones, each real one's sentences are dealt among several. */
function scaledMessages(count: number, categories: number): Example[] {
  const random = seededRandom(count + categories);
  const byCategory = new Map<string, string[]>();
  for (const e of realMessages())
    byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), ...e.text.split(/(?<=[。！？!?])/).filter((s) => s.length > 4)]);
  const pools: { category: string; sentences: string[] }[] = [];
  const real = [...byCategory];
  const per = Math.max(1, Math.ceil(categories / real.length));
  for (const [name, sentences] of real)
    for (let k = 0; k < per && pools.length < categories; k++)
      pools.push({ category: `${name}-${k}`, sentences: sentences.filter((_, i) => i % per === k) });
  return Array.from({ length: count }, () => {
    const pool = random.pick(pools);
    return { category: pool.category, text: Array.from({ length: random.int(2, 5) }, () => random.pick(pool.sentences)).join('') };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, categories: { type: 'string', default: '7' } } });
  if (values.scale) {
    const examples = scaledMessages(Number(values.scale), Number(values.categories));
    const { model, seconds, cpuSeconds, bytes } = await timedTraining(examples);
    console.log(
      `${examples.length.toLocaleString()} messages, ${model.classes.length} categories: trained in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU), cost ${model.cost}, ${model.features.length.toLocaleString()} features, model ${(bytes / 1e6).toFixed(2)} MB, cross-validated top-1 ${(model.evaluation.top1 * 100).toFixed(1)} %`,
    );
  } else {
    for (const r of await measureClassifier(os.tmpdir()))
      console.log(
        `${r.measure}: median ${r.median?.toFixed(2)} ${r.unit}${r.p99 === null ? '' : `, p99 ${r.p99.toFixed(2)} ${r.unit}`} (${r.detail}); target ${r.target}: ${r.met ? 'met' : 'missed'}`,
      );
  }
}
