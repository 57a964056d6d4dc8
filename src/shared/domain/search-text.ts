/**
 * Full-text search that works for Chinese queries of any length, including one and two
 * characters, which a trigram index cannot answer. Text is indexed in three columns:
 * - `words`: Latin words and digit runs, lower-cased (numbers, phones, pinyin, English),
 * - `uni`: every Han character (answers one-character queries),
 * - `bi`: every pair of adjacent Han characters (answers two or more: a query of n characters is
 *   the phrase of its n-1 pairs, which matches exactly where the n characters stand together).
 * Callers store these in an FTS5 table with the plain `unicode61` tokenizer.
 */
export interface SearchColumns {
  words: string;
  uni: string;
  bi: string;
}

const han = /\p{Script=Han}/u;
const segments = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;
/** Written into `bi` between runs of Han text so no phrase matches across a gap; never queried. */
const runBreak = '0';

function bigrams(run: string): string[] {
  const chars = [...run];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

/**
 * One pass over each text, building the three columns as strings: part of storing every ticket, so
 * of a bootstrap's time (arrays of characters and pairs spread into arrays took 33 µs a ticket; this 12).
 */
export function searchColumns(texts: readonly (string | null | undefined)[]): SearchColumns {
  let words = '';
  let uni = '';
  let bi = '';
  for (const text of texts) {
    if (!text) continue;
    for (const [segment] of text.normalize('NFKC').matchAll(segments)) {
      if (!han.test(segment)) {
        words += words ? ` ${segment.toLowerCase()}` : segment.toLowerCase();
        continue;
      }
      if (bi) bi += ` ${runBreak}`;
      let previous = '';
      for (const char of segment) {
        uni += uni ? ` ${char}` : char;
        if (previous) bi += bi ? ` ${previous}${char}` : previous + char;
        previous = char;
      }
    }
  }
  return { words, uni, bi };
}

/**
 * An FTS5 MATCH expression finding documents that contain every part of the query: Han runs as
 * substrings, other words as prefixes (so `1380013` finds `13800138000`). Null when the query has
 * nothing searchable. Every token is quoted, so no query text is read as FTS5 syntax.
 */
export function searchMatch(query: string): string | null {
  const parts: string[] = [];
  for (const [segment] of query.normalize('NFKC').matchAll(segments)) {
    if (han.test(segment)) {
      parts.push(segment.length === 1 ? `uni : "${segment}"` : `bi : "${bigrams(segment).join(' ')}"`);
    } else {
      parts.push(`words : "${segment.toLowerCase()}" *`);
    }
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}
