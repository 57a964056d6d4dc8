import { type CategoryModel, classify } from '../../shared/domain/classifier';
import type { Db } from './database';

let cached: { db: Db; version: number; model: CategoryModel } | null = null;

/** The category model from the cached reference data, parsed once per version; null before one is trained. */
function currentModel(db: Db): CategoryModel | null {
  const row = db.prepare<[], { version: number }>(`SELECT version FROM reference_data WHERE kind = 'model' AND code = 'category-classifier'`).get();
  if (!row) return null;
  if (cached?.db !== db || cached.version !== row.version) {
    const { body } = db.prepare<[], { body: string }>(`SELECT body FROM reference_data WHERE kind = 'model' AND code = 'category-classifier'`).get()!;
    cached = { db, version: row.version, model: JSON.parse(body) as CategoryModel };
  }
  return cached.model;
}

/** The top categories for what the agent has typed so far, offline, from the shipped model. */
export function suggestCategories(db: Db, text: string, top = 3): { category: string; confidence: number }[] {
  const model = currentModel(db);
  if (!model || text.trim().length < 2) return [];
  return classify(model, text, top).map((s) => ({ category: s.category, confidence: Math.round(s.confidence * 1000) / 1000 }));
}
