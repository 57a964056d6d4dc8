import { pinyin } from 'pinyin-pro';

/** An article as the knowledge base searches it. */
export interface Searchable {
  code: string;
  category: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  /** The administrator's words for what callers call the subject: weighed as the title is. */
  keywords?: readonly string[];
  /** Further categories the article answers: each reached as its own category is. */
  categories?: readonly string[];
}

/** A category of the dispatch catalogue: its names and keywords are what callers call its articles' subject. */
export interface KbCategory {
  code: string;
  zh: string;
  en: string;
  parent: string | null;
  keywords?: readonly string[];
}

/**
 * Where a word stands, and how much that says about the article. `leaf` is the article's category
 * (its names and keywords), `group` every category of the same group (how `暖气` reaches an article
 * about 供暖 whose own text never says 暖气).
 */
export const fieldWeights = { title: 3, leaf: 2, body: 1, group: 0.6 } as const;
type Field = keyof typeof fieldWeights;

/**
 * The articles a token occurs in, ascending, with the summed weight of the fields it occurs in.
 * Arrays, not maps: an index of a thousand articles makes half a million of these entries.
 */
export interface Postings {
  articles: number[];
  weights: number[];
}

/** Pinyin of a field's Chinese: initials (`zfgjj`) and full syllables (`zhufanggongjijin`) with where each starts. */
export interface Spelled {
  weight: number;
  initials: string;
  full: string;
  starts: ReadonlySet<number>;
}

export interface KbIndex<T extends Searchable> {
  articles: readonly T[];
  /** Han characters and pairs of adjacent ones. */
  han: Map<string, Postings>;
  /** Latin words and numbers, and the same words sorted for prefix lookups. */
  words: Map<string, Postings>;
  sortedWords: readonly string[];
  /** Per article: its title and categories spelled in pinyin (bodies are left out: initials of a long text match anything). */
  spelled: readonly (readonly Spelled[])[];
  /** Category → its group, for ordering an empty query's articles. */
  groupOf: ReadonlyMap<string, string>;
}

const han = /\p{Script=Han}/u;
/** Han runs, and runs of other letters and digits (so `IC卡` is `ic` and `卡`). */
export const segmentPattern = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
export const isHan = (segment: string) => han.test(segment);
/** Symbols read as callers say them: `18℃` is 18度 on the phone. */
const readings: [RegExp, string][] = [[/℃/g, '摄氏度']];
export const normalise = (text: string) =>
  readings
    .reduce((t, [symbol, said]) => t.replace(symbol, said), text)
    .normalize('NFKC')
    .toLowerCase();

/** The Han characters and character pairs of a text, and its other words. */
function tokens(text: string): { han: Set<string>; words: Set<string>; runs: string[] } {
  const result = { han: new Set<string>(), words: new Set<string>(), runs: [] as string[] };
  for (const [segment] of normalise(text).matchAll(segmentPattern)) {
    if (!isHan(segment)) {
      result.words.add(segment);
      continue;
    }
    result.runs.push(segment);
    const chars = [...segment];
    chars.forEach((c, i) => {
      result.han.add(c);
      if (i > 0) result.han.add(chars[i - 1]! + c);
    });
  }
  return result;
}

function spell(runs: readonly string[], weight: number): Spelled {
  let initials = '';
  let full = '';
  const starts = new Set<number>();
  for (const run of runs) {
    if (full) {
      initials += ' ';
      full += ' ';
    }
    for (const syllable of pinyin(run, { toneType: 'none', type: 'array', v: true })) {
      starts.add(full.length);
      initials += syllable.charAt(0);
      full += syllable;
    }
  }
  return { weight, initials, full, starts };
}

interface FieldText {
  tokens: ReturnType<typeof tokens>;
  spelled: Spelled | null;
}

function fieldText(texts: readonly string[], weight: number, spelled: boolean): FieldText {
  const t = tokens(texts.join(' \n '));
  return { tokens: t, spelled: spelled && t.runs.length > 0 ? spell(t.runs, weight) : null };
}

function post(map: Map<string, Postings>, token: string, article: number, weight: number) {
  let postings = map.get(token);
  if (!postings) map.set(token, (postings = { articles: [], weights: [] }));
  const last = postings.articles.length - 1;
  if (postings.articles[last] === article) postings.weights[last]! += weight;
  else {
    postings.articles.push(article);
    postings.weights.push(weight);
  }
}

/**
 * Reads the articles once, with the categories they belong to, so that a query costs lookups and
 * not a scan of every text. Build it again when the articles or the catalogue change.
 */
export function buildKbIndex<T extends Searchable>(articles: readonly T[], categories: readonly KbCategory[]): KbIndex<T> {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const groupOf = new Map(categories.filter((c) => c.parent).map((c) => [c.code, c.parent!]));
  const vocabulary = (c: KbCategory) => [c.zh, c.en, ...(c.keywords ?? [])];
  // A category's fields are the same for each of its articles: read them once.
  const leafFields = new Map<string, FieldText>();
  const groupFields = new Map<string, FieldText>();
  const leafField = (code: string) => {
    let field = leafFields.get(code);
    const category = byCode.get(code);
    if (!field && category) leafFields.set(code, (field = fieldText(vocabulary(category), fieldWeights.leaf, true)));
    return field;
  };
  const groupField = (group: string) => {
    let field = groupFields.get(group);
    if (!field) {
      const members = categories.filter((c) => c.code === group || c.parent === group);
      groupFields.set(group, (field = fieldText(members.flatMap(vocabulary), fieldWeights.group, true)));
    }
    return field;
  };

  const index = { articles, han: new Map<string, Postings>(), words: new Map<string, Postings>(), groupOf };
  const spelled = articles.map((article, i) => {
    const fields: [Field, FieldText | undefined][] = [
      ['title', fieldText([article.titleZh, article.titleEn, ...(article.keywords ?? [])], fieldWeights.title, true)],
      ['body', fieldText([article.bodyZh, article.bodyEn], fieldWeights.body, false)],
    ];
    const own = [...new Set([article.category, ...(article.categories ?? [])].filter((c): c is string => c !== null))];
    for (const category of own) fields.push(['leaf', leafField(category)]);
    for (const group of new Set(own.map((c) => groupOf.get(c) ?? c))) fields.push(['group', groupField(group)]);
    const spellings: Spelled[] = [];
    for (const [name, field] of fields) {
      if (!field) continue;
      for (const token of field.tokens.han) post(index.han, token, i, fieldWeights[name]);
      for (const word of field.tokens.words) post(index.words, word, i, fieldWeights[name]);
      if (field.spelled) spellings.push(field.spelled);
    }
    return spellings;
  });
  return { ...index, spelled, sortedWords: [...index.words.keys()].sort() };
}
