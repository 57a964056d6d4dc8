/**
 * Ranking knowledge-base articles for what an agent types: every part of the query (split on
 * spaces) must occur in the title or body, in Chinese or English; plain substring matching, so
 * one- and two-character Chinese queries work. Title hits rank first, then the ticket's category.
 */
export interface Searchable {
  code: string;
  category: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

export function rankArticles<T extends Searchable>(articles: readonly T[], query: string, category?: string): T[] {
  const parts = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  const scored = articles.flatMap((a, index) => {
    const title = `${a.titleZh} ${a.titleEn}`.normalize('NFKC').toLowerCase();
    const text = `${title} ${a.bodyZh} ${a.bodyEn}`.normalize('NFKC').toLowerCase();
    if (!parts.every((p) => text.includes(p))) return [];
    const titleHits = parts.filter((p) => title.includes(p)).length;
    const sameCategory = category && a.category === category ? 1 : 0;
    return [{ a, index, score: titleHits * 2 + sameCategory }];
  });
  return scored.sort((x, y) => y.score - x.score || x.index - y.index).map((s) => s.a);
}
