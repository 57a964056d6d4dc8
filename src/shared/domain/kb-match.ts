/**
 * Ranking knowledge-base articles for what an agent types, the way a caller says it: Chinese of any
 * length (characters and pairs of characters, as a CJK search engine indexes them), English words
 * and numbers by prefix, pinyin initials (`gjj`) and full pinyin (`gongjijin`) of titles and
 * categories, and the catalogue's keywords as synonyms (an article is found by what callers call
 * its category: `暖气` finds 供暖 articles). Title counts over category, category over body; rare
 * tokens count over common ones (BM25's idf). Every part of the query must match.
 */
import { type KbIndex, type Postings, type Searchable, isHan, normalise, segmentPattern } from './kb-index';

export { buildKbIndex, type KbCategory, type KbIndex, type Searchable } from './kb-index';

/** A character alone says less than a pair: it refines the order among articles the pairs found. */
const characterWeight = 0.25;
/** The ticket's own category, when the agent chose one, goes first among near equals. */
const sameCategoryBoost = 1.2;
/**
 * A short word whose pairs occur nowhere (`几度`) is looked for by its characters; a longer one
 * (`没有这样的文章`) is not, as its characters alone would match any text.
 */
const characterFallbackMax = 3;
/** Pinyin shorter than this matches too much to mean anything. */
const minSpelling = 2;

type Scores = Map<number, number>;

const idf = (total: number, df: number) => Math.log(1 + (total - df + 0.5) / (df + 0.5));

function addPostings(into: Scores, postings: Postings | undefined, total: number, factor = 1) {
  if (!postings) return;
  const weight = idf(total, postings.articles.length) * factor;
  postings.articles.forEach((article, i) => into.set(article, (into.get(article) ?? 0) + weight * postings.weights[i]!));
}

function hanPart(index: KbIndex<Searchable>, run: string): Scores {
  const total = index.articles.length;
  const chars = [...new Set(run)];
  const characters: Scores = new Map();
  for (const c of chars) addPostings(characters, index.han.get(c), total, chars.length === 1 ? 1 : characterWeight);
  if (chars.length === 1) return characters;
  const runChars = [...run];
  const pairs = new Set(runChars.slice(1).map((c, i) => runChars[i]! + c));
  const scores: Scores = new Map();
  for (const pair of pairs) addPostings(scores, index.han.get(pair), total);
  if (scores.size > 0) {
    for (const [article, score] of scores) scores.set(article, score + (characters.get(article) ?? 0));
    return scores;
  }
  if (runChars.length > characterFallbackMax) return scores;
  const present: Scores = new Map();
  for (const c of chars) for (const article of index.han.get(c)?.articles ?? []) present.set(article, (present.get(article) ?? 0) + 1);
  const needed = Math.ceil(chars.length / 2);
  for (const [article, count] of present) if (count < needed) characters.delete(article);
  return characters;
}

/** The words starting with `prefix`, from the sorted list. */
function wordsStartingWith(sorted: readonly string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}

function spelledAt(full: string, starts: ReadonlySet<number>, word: string): boolean {
  for (let at = full.indexOf(word); at >= 0; at = full.indexOf(word, at + 1)) if (starts.has(at)) return true;
  return false;
}

/** An English word or number by prefix, or Chinese spelled in pinyin: whichever says most for each article. */
function latinPart(index: KbIndex<Searchable>, word: string): Scores {
  const total = index.articles.length;
  const byWord: Scores = new Map();
  for (const w of wordsStartingWith(index.sortedWords, word)) {
    const { articles, weights } = index.words.get(w)!;
    articles.forEach((article, i) => byWord.set(article, Math.max(byWord.get(article) ?? 0, weights[i]!)));
  }
  const bySpelling: Scores = new Map();
  if (word.length >= minSpelling && /^[a-z]+$/.test(word)) {
    index.spelled.forEach((fields, article) => {
      let weight = 0;
      for (const f of fields) if (f.initials.includes(word) || spelledAt(f.full, f.starts, word)) weight += f.weight;
      if (weight > 0) bySpelling.set(article, weight);
    });
  }
  const scores: Scores = new Map();
  for (const postings of [byWord, bySpelling]) {
    const weight = idf(total, postings.size);
    for (const [article, fieldWeight] of postings) scores.set(article, Math.max(scores.get(article) ?? 0, weight * fieldWeight));
  }
  return scores;
}

/**
 * The articles matching every part of the query, best first; all of them for an empty query.
 * `category`, the ticket's, puts its articles first among near equals (and first of all for an
 * empty query, then those of its group).
 */
export function rankArticles<T extends Searchable>(index: KbIndex<T>, query: string, category?: string): T[] {
  const { articles, groupOf } = index;
  const parts = [...new Set([...normalise(query).matchAll(segmentPattern)].map(([segment]) => segment))];
  let total: Scores | null = null;
  for (const part of parts) {
    const scores = isHan(part) ? hanPart(index, part) : latinPart(index, part);
    if (total === null) total = scores;
    else
      for (const [article, score] of total) {
        const more = scores.get(article);
        if (more === undefined) total.delete(article);
        else total.set(article, score + more);
      }
  }
  const group = category ? groupOf.get(category) : undefined;
  const affinity = (a: T) => (category && a.category === category ? 2 : group && a.category && groupOf.get(a.category) === group ? 1 : 0);
  const ranked =
    total === null
      ? articles.map((a, i) => ({ a, i, score: affinity(a) }))
      : [...total]
          .filter(([, s]) => s > 0)
          .map(([i, s]) => ({ a: articles[i]!, i, score: affinity(articles[i]!) === 2 ? s * sameCategoryBoost : s }));
  return ranked.sort((x, y) => y.score - x.score || x.i - y.i).map((r) => r.a);
}
