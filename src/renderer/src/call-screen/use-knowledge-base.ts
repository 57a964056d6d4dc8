import { useCallback, useRef, useState } from 'react';
import type { KbArticle } from '../../../shared/contract/kb';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

export interface KnowledgeBase {
  /** The articles offered in the picker, best first (the category's first, when one is chosen). */
  articles: KbArticle[];
  /** Loads the articles for the picker (Alt+K). */
  open(category: string): void;
  /** Ranks the articles for what the agent typed in the picker. */
  search(query: string): void;
}

export const articleTitle = (article: KbArticle, locale: string) => (locale === 'en' ? article.titleEn : article.titleZh);
export const articleBody = (article: KbArticle, locale: string) => (locale === 'en' ? article.bodyEn : article.bodyZh);

/** The knowledge base the agent answers a question from (the answer itself is a ticket: see use-intake-submit). */
export function useKnowledgeBase(): KnowledgeBase {
  const { api } = useWorkstation();
  const call = useCall();
  const [articles, setArticles] = useState<KbArticle[]>([]);
  const category = useRef('');
  // Answers can come back out of order while the agent types: only the latest query's is shown.
  const latest = useRef(0);
  const search = useCallback(
    (query: string) => {
      const asked = ++latest.current;
      const input = { query, limit: 100, ...(category.current ? { category: category.current } : {}) };
      void call(() => api.kb.search(input), { failure: 'searchKnowledgeBase' }).then((found) => {
        if (asked === latest.current) setArticles(found ?? []);
      });
    },
    [api, call],
  );
  const open = useCallback(
    (chosen: string) => {
      category.current = chosen;
      search('');
    },
    [search],
  );
  return { articles, open, search };
}
