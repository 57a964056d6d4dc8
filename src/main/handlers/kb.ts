import { rankArticles } from '../../shared/domain/kb-match';
import type { KbArticle } from '../../shared/contract/kb';
import { referenceItems } from '../store/reference-store';
import type { CoreDeps, DomainHandlers } from './types';

/** Articles come with the reference data, so the knowledge base works offline too. */
export const kbHandlers = ({ db }: CoreDeps): DomainHandlers<'kb'> => ({
  search: ({ query, category, limit }) => {
    const articles: KbArticle[] = referenceItems(db, ['article']).map((r) => ({ code: r.code, ...r.body }));
    return rankArticles(articles, query, category).slice(0, limit);
  },
});
