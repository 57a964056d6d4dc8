import { type CategoryModel, crossValidate, type Example, fitTemperature, trainClassifier } from '../../shared/domain/classifier';
import type { Database } from '../db/database';
import { upsertReference } from '../reference/reference-store';

export const modelCode = 'category-classifier';

/** Ticket history as training examples: each ticket's text and the category it was filed under. */
export async function historyExamples(db: Database, limit = 200_000): Promise<Example[]> {
  const rows = await db.query<{ text: string; category: string }>(
    `SELECT concat_ws('。', state -> 'fields' ->> 'description', state -> 'fields' ->> 'callerWants') AS text, category
     FROM tickets WHERE category IS NOT NULL ORDER BY created_at DESC LIMIT $1`,
    [limit],
  );
  return rows.filter((r) => r.text.trim() !== '');
}

/**
 * Trains the model shipped to workstations: confidences are calibrated on a held-out tenth, then
 * the model is retrained on everything. Returns it with its cross-validated accuracy.
 */
export function buildModel(examples: readonly Example[]) {
  const evaluation = crossValidate(examples);
  const cut = Math.floor(examples.length * 0.9);
  const temperature = fitTemperature(trainClassifier(examples.slice(0, cut)), examples.slice(cut));
  const model: CategoryModel = { ...trainClassifier(examples, { maxFeatures: 60_000 }), temperature };
  return { model, evaluation };
}

/** Publishes the model as reference data: workstations pull it with their next sync. */
export async function publishModel(db: Database, model: CategoryModel, evaluation: ReturnType<typeof crossValidate>): Promise<void> {
  await upsertReference(db, [{ kind: 'model', code: modelCode, body: { ...model, trainedAt: new Date().toISOString(), evaluation } }]);
}
