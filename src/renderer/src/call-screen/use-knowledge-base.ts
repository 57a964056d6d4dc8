import { useCallback, useState } from 'react';
import type { KbArticle } from '../../../shared/contract/kb';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

export interface KnowledgeBase {
  /** The articles offered in the picker (the category's first, when one is chosen). */
  articles: KbArticle[];
  /** Loads the articles for the picker (Alt+K). */
  open(category: string): void;
}

export const articleTitle = (article: KbArticle, locale: string) => (locale === 'en' ? article.titleEn : article.titleZh);
export const articleBody = (article: KbArticle, locale: string) => (locale === 'en' ? article.bodyEn : article.bodyZh);

/** The knowledge base the agent answers a question from (the answer itself is a ticket: see use-intake-submit). */
export function useKnowledgeBase(): KnowledgeBase {
  const { api } = useWorkstation();
  const call = useCall();
  const [articles, setArticles] = useState<KbArticle[]>([]);
  const open = useCallback(
    (category: string) => {
      const input = { query: '', limit: 100, ...(category ? { category } : {}) };
      void call(() => api.kb.search(input), { failure: 'searchKnowledgeBase' }).then((found) => setArticles(found ?? []));
    },
    [api, call],
  );
  return { articles, open };
}
