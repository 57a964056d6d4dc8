import { rankArticles } from '../../shared/domain/kb-match';
import type { KbArticle } from '../../shared/contract/kb';
import { referenceItems } from '../store/reference-store';
import type { CoreDeps, DomainHandlers } from './types';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Articles come with the reference data, so the knowledge base works offline too. */
export const kbHandlers = ({ db }: CoreDeps): DomainHandlers<'kb'> => ({
  search: ({ query, category, limit }) => {
    const articles: KbArticle[] = referenceItems(db, ['article']).map((r) => ({
      code: r.code,
      category: text(r.body.category) || null,
      titleZh: text(r.body.titleZh),
      titleEn: text(r.body.titleEn),
      bodyZh: text(r.body.bodyZh),
      bodyEn: text(r.body.bodyEn),
    }));
    return rankArticles(articles, query, category).slice(0, limit);
  },
});
