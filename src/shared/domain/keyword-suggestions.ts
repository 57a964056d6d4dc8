import { halfWidth } from './full-width';

/** Case, width and spaces do not matter to a keyword: `ＷＩＦＩ 信号` is `wifi信号`. */
const folded = (text: string) => halfWidth(text).toLowerCase().replace(/\s+/gu, '');

/** A leaf of the catalogue as keyword matching sees it. */
export interface KeywordCategory {
  code: string;
  keywords: readonly string[];
}

/** Shorter keywords (`水`, `灯`) would match nearly every description. */
const shortestKeyword = 2;

/**
 * Categories the trained model cannot suggest yet (an administrator added them after it was
 * trained), found by the keywords the administrator gave them: those whose keywords occur in the
 * description, the one with the longest match first. The model's own categories are left to the
 * model, whose confidences are calibrated on real messages and would only be muddled by this.
 */
export function keywordSuggestions(
  categories: readonly KeywordCategory[],
  knownToModel: ReadonlySet<string>,
  text: string,
  top = 3,
): string[] {
  const haystack = folded(text);
  if (haystack.length < shortestKeyword) return [];
  const hits: { code: string; longest: number }[] = [];
  for (const category of categories) {
    if (knownToModel.has(category.code)) continue;
    let longest = 0;
    for (const keyword of category.keywords) {
      const needle = folded(keyword);
      if (needle.length >= shortestKeyword && needle.length > longest && haystack.includes(needle)) longest = needle.length;
    }
    if (longest > 0) hits.push({ code: category.code, longest });
  }
  return hits
    .sort((a, b) => b.longest - a.longest || a.code.localeCompare(b.code))
    .slice(0, top)
    .map((h) => h.code);
}
