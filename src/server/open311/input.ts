import { Open311Error } from './requests';

// Control characters other than tab and line breaks, the two noncharacters XML cannot carry, and
// UTF-16 halves without their partner: none is text a citizen meant, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasUnsafeText = (text: string): boolean => unsafe.test(text);

/** Refuses, with a 400 naming the field, any string in a query, path or form that holds such a character. */
export function refuseUnsafeText(part: unknown, where: string): void {
  if (typeof part === 'string') {
    if (unsafe.test(part)) throw new Open311Error(400, `${where} holds a control character or an invalid character; remove it and send again`);
    return;
  }
  if (Array.isArray(part)) return part.forEach((item) => refuseUnsafeText(item, where));
  if (part && typeof part === 'object') {
    for (const [key, value] of Object.entries(part)) {
      refuseUnsafeText(key, 'a field name');
      refuseUnsafeText(value, key);
    }
  }
}

/** Sane bounds for dates in filters: PostgreSQL has no year 0, and nothing was filed before 1970. */
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(2200, 0, 1);
export function refuseAbsurdDate(date: Date, name: string): Date {
  if (Number.isNaN(date.getTime()) || date.getTime() < earliest || date.getTime() >= latest) throw new Open311Error(400, `${name} must be between 1970 and 2199`);
  return date;
}
