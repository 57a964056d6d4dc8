import { type CategoryModel, compileModel, rankCategories } from '../../shared/domain/classifier-model';
import { checkReferenceBody } from '../../shared/domain/reference';
import { type Example, type TrainOptions, trainCategoryModel } from '../../shared/domain/classifier-training';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { upsertReference } from '../reference/reference-store';

export const modelCode = 'category-classifier';

export interface DatedExample extends Example {
  createdAt: string;
}

/** Ticket history as training examples: each ticket's text and the category it was filed under, oldest first. */
export async function historyExamples(db: Database, limit = 200_000): Promise<DatedExample[]> {
  const rows = await db.query<{ text: string; category: string; created_at: Date | string }>(
    sql`SELECT * FROM (
       SELECT concat_ws('。', state -> 'fields' ->> 'description', state -> 'fields' ->> 'callerWants') AS text, category, created_at
       FROM tickets WHERE category IS NOT NULL ORDER BY created_at DESC LIMIT ${limit}) AS newest
     ORDER BY created_at`,
  );
  return rows
    .filter((r) => r.text.trim() !== '')
    .map((r) => ({ text: r.text, category: r.category, createdAt: new Date(r.created_at).toISOString() }));
}

/** The model the workstations use now (null if there is none), or why the stored one cannot be read. */
export async function modelInUse(db: Database): Promise<{ model: CategoryModel | null; unreadable: string | null }> {
  const [row] = await db.query<{ body: unknown }>(
    sql`SELECT body FROM reference_items WHERE kind = 'model' AND code = ${modelCode} AND NOT deleted`,
  );
  if (!row) return { model: null, unreadable: null };
  const check = checkReferenceBody('model', row.body);
  return check.ok ? { model: check.body, unreadable: null } : { model: null, unreadable: check.reason };
}

/** The model the workstations use now, or null if there is none or it is of a kind this server no longer reads. */
export const currentModel = async (db: Database): Promise<CategoryModel | null> => (await modelInUse(db)).model;

/** Top-1 and top-3 hits of a model on messages, as fractions. */
function scoreOn(model: CategoryModel, examples: readonly Example[]) {
  const compiled = compileModel(model);
  let top1 = 0;
  let top3 = 0;
  for (const e of examples) {
    const ranked = rankCategories(compiled, e.text)
      .slice(0, 3)
      .map((s) => s.category);
    if (ranked[0] === e.category) top1++;
    if (ranked.includes(e.category)) top3++;
  }
  return { examples: examples.length, top1: top1 / examples.length, top3: top3 / examples.length };
}

/** Fewer new messages than this make too noisy a comparison; the cross-validated figures decide then. */
const minFresh = 30;

export interface Verdict {
  publish: boolean;
  reason: string;
}

/**
 * Whether `candidate` (trained on all of `examples`) is not worse than `current` on held-out data.
 * Messages newer than the current model are held out from both: the current model never saw them,
 * and a model trained like the candidate on the rest is scored on them. Without enough of them,
 * the candidate's cross-validated accuracy is set against the one the current model was published with.
 */
export async function compareWithCurrent(
  candidate: CategoryModel,
  current: CategoryModel | null,
  examples: readonly DatedExample[],
  options: TrainOptions = {},
): Promise<Verdict> {
  if (!current) return { publish: true, reason: 'no model in use' };
  const since = current.trainedThrough;
  const fresh = since ? examples.filter((e) => e.createdAt > since) : [];
  const known = new Set(current.classes);
  const judged = fresh.filter((e) => known.has(e.category));
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (judged.length >= minFresh && judged.length < examples.length) {
    const older = examples.filter((e) => !since || e.createdAt <= since);
    const { model: peer } = await trainCategoryModel(older, {
      ...options,
      cost: candidate.cost,
      calibration: { temperature: candidate.temperature, evidence: candidate.evidence },
    });
    const ours = scoreOn(peer, judged);
    const theirs = scoreOn(current, judged);
    const publish = ours.top1 > theirs.top1 || (ours.top1 === theirs.top1 && ours.top3 >= theirs.top3);
    return {
      publish,
      reason: `on ${judged.length} messages newer than the model in use: new top-1 ${percent(ours.top1)} top-3 ${percent(ours.top3)}, in use ${percent(theirs.top1)} / ${percent(theirs.top3)}`,
    };
  }
  const ours = candidate.evaluation;
  const theirs = current.evaluation;
  const publish = ours.top1 > theirs.top1 || (ours.top1 === theirs.top1 && ours.top3 >= theirs.top3);
  return {
    publish,
    reason: `cross-validated: new top-1 ${percent(ours.top1)} top-3 ${percent(ours.top3)}, in use ${percent(theirs.top1)} / ${percent(theirs.top3)}`,
  };
}

/** Trains on the examples, oldest first, and notes the newest one's date in the model. */
export async function buildModel(examples: readonly DatedExample[], options: TrainOptions = {}) {
  const trainedThrough = examples.reduce<string | null>((max, e) => (max === null || e.createdAt > max ? e.createdAt : max), null);
  return trainCategoryModel(examples, { ...options, trainedThrough });
}

/** Publishes the model as reference data: workstations pull it with their next sync. */
export async function publishModel(db: Database, model: CategoryModel): Promise<void> {
  await upsertReference(db, [{ kind: 'model', code: modelCode, body: model }]);
}

export interface RetrainResult {
  model: CategoryModel;
  verdict: Verdict;
  seconds: number;
}

/** Retrains on the centre's history and publishes the result only if it is not worse than the model in use. */
export async function retrain(db: Database, options: TrainOptions & { force?: boolean } = {}): Promise<RetrainResult> {
  const started = performance.now();
  const examples = await historyExamples(db);
  if (examples.length < 10)
    throw new Error(`Only ${examples.length} categorised tickets in the database: import history first (npm run import).`);
  const { model } = await buildModel(examples, options);
  const inUse = await modelInUse(db);
  const verdict = options.force
    ? { publish: true, reason: 'forced' }
    : inUse.unreadable
      ? { publish: true, reason: `the model in use cannot be read (${inUse.unreadable}), so the new one replaces it` }
      : await compareWithCurrent(model, inUse.model, examples, options);
  if (verdict.publish) await publishModel(db, model);
  return { model, verdict, seconds: (performance.now() - started) / 1000 };
}
