import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

/**
 * Codes for reference items an import creates from names, the same for the same name on every
 * run and every machine:
 *   category  <group>.<slug>, e.g. imported.noise-residential or nypd.illegal-parking
 *   group     <slug>, e.g. nypd (the default group of an import without one: imported)
 *   unit      agency:<slug>, e.g. agency:nypd
 *   district  9 and five digits from the name's SHA-256, e.g. 904512 (6 digits, as tickets carry;
 *             no Chinese division code starts with 9)
 *   street    its district's code and three digits from the name's SHA-256, e.g. 904512377
 * A slug is the name in lower-case ASCII letters and digits joined by hyphens, accents dropped;
 * a name with none of those (e.g. all Chinese) gets x plus 8 hex digits of its SHA-256. When
 * that code already belongs to another name, the slug gets a hyphen and 6 hex digits of the hash,
 * and a digit code the next candidate (the hash of the name and 1, 2 …). A name already in the
 * catalogue keeps the code it has, so re-importing finds it rather than making another.
 */

/** Names compare without case and with runs of spaces as one. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Lower-case ASCII words joined by hyphens, at most `max` characters, cut at a hyphen. */
export function slug(name: string, max: number): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain === '') return `x${sha(nameKey(name)).slice(0, 8)}`;
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** Candidate codes for a name, best first; `take` picks the first one nobody holds. */
export function* slugCandidates(prefix: string, name: string, max: number): Generator<string> {
  const base = slug(name, max);
  yield `${prefix}${base}`;
  const hash = sha(nameKey(name));
  yield `${prefix}${base}-${hash.slice(0, 6)}`;
  for (let i = 1; ; i++) yield `${prefix}${base}-${sha(`${nameKey(name)}\u0000${i}`).slice(0, 6)}`;
}

/** `digits` decimal digits from the name's hash (and a probe number after the first). */
export function* digitCandidates(prefix: string, name: string, digits: number): Generator<string> {
  for (let i = 0; i < 10 ** digits; i++) {
    const hash = sha(i === 0 ? nameKey(name) : `${nameKey(name)}\u0000${i}`);
    yield `${prefix}${(BigInt(`0x${hash.slice(0, 16)}`) % 10n ** BigInt(digits)).toString().padStart(digits, '0')}`;
  }
}

/** The first candidate not taken, or null when all are (a district with 1,000 streets). */
export function take(candidates: Iterable<string>, taken: (code: string) => boolean): string | null {
  for (const code of candidates) if (!taken(code)) return code;
  return null;
}

/** Spellings for the search box: pinyin for Chinese names, the letters themselves for others. */
export function spellingsOf(name: string): { pinyin: string; initials: string } {
  const spelt = /\p{Script=Han}/u.test(name) ? pinyin(name, { toneType: 'none', type: 'array', v: true }).join(' ') : name;
  const words = spelt
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { pinyin: words.join(''), initials: words.map((w) => w[0]).join('') };
}

/** Keywords of a created category: the words of its name (the classifier learns the rest from the texts). */
export function keywordsOf(name: string): string[] {
  const words = nameKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return words.length > 0 ? [...new Set(words)] : [name.trim()];
}
