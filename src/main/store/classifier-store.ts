import { categoryModelSchema, type CompiledModel, compileModel, type Suggestion, suggest } from '../../shared/domain/classifier-model';
import type { Db } from './database';

/**
 * The category model of one workstation core: read from the cached reference data, checked
 * against its schema and compiled once per version. A model this build cannot read suggests
 * nothing rather than failing the intake.
 */
export function classifierStore(db: Db) {
  let cached: { version: number; compiled: CompiledModel | null } | null = null;
  const versionOf = db.prepare<[], { version: number }>(`SELECT version FROM reference_data WHERE kind = 'model' AND code = 'category-classifier'`);
  const bodyOf = db.prepare<[], { body: string }>(`SELECT body FROM reference_data WHERE kind = 'model' AND code = 'category-classifier'`);

  const current = (): CompiledModel | null => {
    const row = versionOf.get();
    if (!row) return null;
    if (cached?.version !== row.version) {
      const parsed = categoryModelSchema.safeParse(JSON.parse(bodyOf.get()!.body));
      cached = { version: row.version, compiled: parsed.success ? compileModel(parsed.data) : null };
    }
    return cached.compiled;
  };

  return {
    /** Up to three categories for what the agent has typed so far, offline; none when the model is unsure. */
    suggest(text: string): Suggestion[] {
      const compiled = current();
      if (!compiled || text.trim().length < 2) return [];
      // Whole percents rounded down, so the three shown never add up to more than 100 %.
      return suggest(compiled, text).map((s) => ({ category: s.category, confidence: Math.floor(s.confidence * 100) / 100 }));
    },
  };
}
