import { z } from 'zod';

/**
 * Text a person typed, safe to store, index, send as JSON and write as XML 1.0. Refused:
 * - C0 controls except tab, line feed and carriage return (a description has lines; a pasted
 *   table has tabs), DEL and the C1 controls: nobody types them, they show as nothing, and NUL
 *   is refused outright by PostgreSQL's text and jsonb;
 * - lone surrogates: they are not characters, PostgreSQL's jsonb refuses them and UTF-8 encoders
 *   silently turn them into U+FFFD, so the record would not say what was sent;
 * - the 66 Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane,
 *   U+FFFE and U+FFFF among them): reserved for a program's internal use, and U+FFFE/U+FFFF
 *   are forbidden in XML 1.0, so one of them would break an Open311 XML answer.
 */
export interface UnsafeCharacter {
  /** Position in UTF-16 code units, as the text field counts. */
  index: number;
  /** e.g. `U+0000`. */
  codePoint: string;
  kind: 'control character' | 'lone surrogate' | 'noncharacter';
}

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` that plain text may not hold, or null. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 ? unit !== 0x09 && unit !== 0x0a && unit !== 0x0d : unit >= 0x7f && unit <= 0x9f)
      return { index: i, codePoint: hex(unit), kind: 'control character' };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return { index: i, codePoint: hex(unit), kind: 'lone surrogate' };
      const point = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      if ((point & 0xfffe) === 0xfffe) return { index: i, codePoint: hex(point), kind: 'noncharacter' };
      i++;
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { index: i, codePoint: hex(unit), kind: 'lone surrogate' };
    if ((unit >= 0xfdd0 && unit <= 0xfdef) || unit === 0xfffe || unit === 0xffff)
      return { index: i, codePoint: hex(unit), kind: 'noncharacter' };
  }
  return null;
}

/** What to tell the person who sent it: which character, where, and what to do. */
export function describeUnsafeCharacter(found: UnsafeCharacter): string {
  return `contains a ${found.kind} (${found.codePoint}) at position ${found.index + 1}, which cannot be stored; delete it (it often comes with pasted text) and send again`;
}

/**
 * Free text on every boundary: trimmed, at most `max` UTF-16 code units, no character
 * `findUnsafeCharacter` refuses. Chain `.min(1, …)` for a required text.
 */
export function plainText(max: number) {
  return z.string().trim().max(max).check(plainTextCheck);
}

/** The character check alone, for strings that are not trimmed (`z.string().check(plainTextCheck)`). */
export function plainTextCheck(ctx: z.core.ParsePayload<string>): void {
  const found = findUnsafeCharacter(ctx.value);
  if (found) ctx.issues.push({ code: 'custom', message: describeUnsafeCharacter(found), input: ctx.value, continue: true });
}

/** Where in a value a string plain text may not hold is, what is wrong with it, and the character. */
export type UnsafeString = { path: string; problem: string; character: UnsafeCharacter };

/** The first string anywhere inside `value` (keys too) that plain text may not hold: its path and what is wrong. */
export function findUnsafeString(value: unknown, path: string[] = []): UnsafeString | null {
  if (typeof value === 'string') {
    const found = findUnsafeCharacter(value);
    return found ? { path: path.join('.'), problem: describeUnsafeCharacter(found), character: found } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const inKey = findUnsafeCharacter(key);
    if (inKey) return { path: [...path, '(a key)'].join('.'), problem: describeUnsafeCharacter(inKey), character: inKey };
    const found = findUnsafeString(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}
