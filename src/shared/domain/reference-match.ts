/**
 * Matching what an agent types against a place or category name: Chinese (`朝阳`), English
 * (`chaoyang district`), full pinyin (`chaoyang`), pinyin initials (`cy`) and keywords (`暖气不热`).
 * Lower scores rank first; null means no match.
 */
export interface Matchable {
  zh: string;
  en?: string;
  pinyin?: string;
  initials?: string;
  keywords?: readonly string[];
}

export function matchScore(item: Matchable, rawQuery: string): number | null {
  const query = rawQuery.trim().toLowerCase().replace(/\s+/g, '');
  if (query === '') return 0;
  const zh = item.zh;
  if (zh === rawQuery.trim()) return 0;
  if (zh.startsWith(query)) return 1;
  if (item.initials === query) return 2;
  if (item.pinyin?.startsWith(query)) return 3;
  if (item.initials?.startsWith(query)) return 4;
  if (zh.includes(query)) return 5;
  const en = item.en?.toLowerCase().replace(/\s+/g, '');
  if (en?.startsWith(query)) return 6;
  if (item.keywords?.some((k) => k.includes(query) || (query.length >= 2 && query.includes(k)))) return 7;
  if (en?.includes(query) || item.pinyin?.includes(query)) return 8;
  return null;
}

/** The items matching a query, best first, keeping the given order among equals. */
export function rankMatches<T>(items: readonly T[], query: string, matchable: (item: T) => Matchable, limit = Infinity): T[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(matchable(item), query) }))
    .filter((m): m is { item: T; index: number; score: number } => m.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.item);
}
