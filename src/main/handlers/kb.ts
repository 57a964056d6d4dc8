import { buildKbIndex, type KbIndex, rankArticles } from '../../shared/domain/kb-match';
import type { KbArticle } from '../../shared/contract/kb';
import type { Db } from '../store/database';
import { referenceItems } from '../store/reference-store';
import type { CoreDeps, DomainHandlers } from './types';

/** Changes whenever an article or a category is stored, replaced or removed. */
function referenceFingerprint(db: Db): string {
  const row = db
    .prepare<[], { n: number; top: number | null; sum: number | null }>(
      `SELECT count(*) AS n, max(version) AS top, total(version) AS sum FROM reference_data WHERE kind IN ('article', 'category')`,
    )
    .get();
  return `${row?.n} ${row?.top} ${row?.sum}`;
}

/** An article as searched: what the agent sees, and the admin's keywords and further categories. */
type Indexed = KbArticle & { keywords?: string[]; categories?: string[] };

/**
 * Articles come with the reference data, so the knowledge base works offline too. The index is
 * built on the first search after the articles or the catalogue change, and kept by this core.
 * Draft articles are left out.
 */
export const kbHandlers = ({ db }: CoreDeps): DomainHandlers<'kb'> => {
  let built: { fingerprint: string; index: KbIndex<Indexed> } | null = null;
  const index = () => {
    const fingerprint = referenceFingerprint(db);
    if (built?.fingerprint !== fingerprint) {
      // A draft is the admin's, not yet the agents': it is kept out of their searches.
      const articles: Indexed[] = referenceItems(db, ['article'])
        .filter((r) => r.body.status !== 'draft')
        .map(({ code, body: { status: _status, ...body } }) => ({ code, ...body }));
      const categories = referenceItems(db, ['category']).map((r) => ({ code: r.code, ...r.body }));
      built = { fingerprint, index: buildKbIndex(articles, categories) };
    }
    return built.index;
  };
  return {
    // What an agent is shown: the contract's article has no keywords or further categories.
    search: ({ query, category, limit }) =>
      rankArticles(index(), query, category)
        .slice(0, limit)
        .map(({ keywords: _keywords, categories: _categories, ...article }) => article),
  };
};
