import { type CompiledModel, compileModel, type Suggestion, suggest } from '../../shared/domain/classifier-model';
import { checkReferenceBody } from '../../shared/domain/reference';
import type { Logger } from '../dispatch';
import type { Db } from './database';

/**
 * The category model of one workstation core: read from the cached reference data, checked
 * against its schema and compiled once per version. Each store keeps its own compiled model, so
 * two cores in one process never answer with each other's. A version that does not pass its
 * schema is reported once and the model compiled before it stays in use; with none, nothing is
 * suggested rather than failing the intake.
 */
export function classifierStore(db: Db, log: Pick<Logger, 'error'> = console) {
  let seenVersion: number | null = null;
  let compiled: CompiledModel | null = null;
  const versionOf = db.prepare<[], { version: number }>(
    `SELECT version FROM reference_data WHERE kind = 'model' AND code = 'category-classifier'`,
  );
  const bodyOf = db.prepare<[], { body: string }>(`SELECT body FROM reference_data WHERE kind = 'model' AND code = 'category-classifier'`);

  const current = (): CompiledModel | null => {
    const row = versionOf.get();
    if (!row) return null;
    if (seenVersion !== row.version) {
      seenVersion = row.version;
      const stored = bodyOf.get();
      const check = checkReferenceBody('model', stored ? JSON.parse(stored.body) : undefined);
      if (check.ok) compiled = compileModel(check.body);
      else
        log.error(
          `[classifier] model version ${row.version} cannot be read (${check.reason}); ${compiled ? 'the previous model stays in use' : 'no suggestions until a readable one arrives'}.`,
        );
    }
    return compiled;
  };

  return {
    /** Up to three categories for what the agent has typed so far, offline; none when the model is unsure. */
    suggest(text: string): Suggestion[] {
      const model = current();
      if (!model || text.trim().length < 2) return [];
      // Whole percents rounded down, so the three shown never add up to more than 100 %.
      return suggest(model, text).map((s) => ({ category: s.category, confidence: Math.floor(s.confidence * 100) / 100 }));
    },
  };
}
