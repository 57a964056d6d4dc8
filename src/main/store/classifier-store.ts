import { type CompiledModel, compileModel, type Suggestion, suggest } from '../../shared/domain/classifier-model';
import { type KeywordCategory, keywordSuggestions } from '../../shared/domain/keyword-suggestions';
import { checkReferenceBody } from '../../shared/domain/reference';
import type { Logger } from '../dispatch';
import type { Db } from './database';
import { referenceItems } from './reference-store';

/** A suggestion shown to the agent: a model's calibrated confidence, or null when it came from an admin's keywords. */
export type ShownSuggestion = { category: string; confidence: number | null };

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

  const categoriesVersion = db.prepare<[], { top: number | null; n: number }>(
    `SELECT max(version) AS top, count(*) AS n FROM reference_data WHERE kind = 'category'`,
  );
  let keywordsOf: { key: string; categories: KeywordCategory[] } = { key: '', categories: [] };
  /** The active leaves with keywords, read again only when the catalogue changed. */
  const keywordCategories = (): KeywordCategory[] => {
    const { top, n } = categoriesVersion.get()!;
    const key = `${top}/${n}`;
    if (keywordsOf.key !== key) {
      const leaves = referenceItems(db, ['category']).filter((c) => c.body.parent !== null && c.body.active !== false);
      keywordsOf = { key, categories: leaves.map((c) => ({ code: c.code, keywords: c.body.keywords ?? [] })) };
    }
    return keywordsOf.categories;
  };

  return {
    /**
     * Up to three categories for what the agent has typed so far, offline: first those the model
     * has not learned yet whose keywords the description contains, then the model's (none when it
     * is unsure).
     */
    suggest(text: string): ShownSuggestion[] {
      if (text.trim().length < 2) return [];
      const model = current();
      const byKeyword = keywordSuggestions(keywordCategories(), new Set(model?.model.classes ?? []), text);
      // Whole percents rounded down, so the model's three never add up to more than 100 %.
      const learned: Suggestion[] = model
        ? suggest(model, text).map((s) => ({ category: s.category, confidence: Math.floor(s.confidence * 100) / 100 }))
        : [];
      return [...byKeyword.map((category) => ({ category, confidence: null })), ...learned].slice(0, 3);
    },
  };
}
