/**
 * Caller numbers as agents and switches write them — `138 0013 8000`, `+86 138-0013-8000`,
 * `(010) 6512 3456`, `65123456`, `0086 10 6512 3456` — reduced to one key, so a caller's history
 * is found however the number arrived. Mainland rules: mobiles are 11 digits starting 1[3-9];
 * landlines are a trunk 0, a 2–3 digit area code and a 7–8 digit local number.
 */
export interface PhoneKey {
  /** Digits only: the mobile number, or the landline with its leading 0 and area code. */
  key: string;
  kind: 'mobile' | 'landline' | 'other';
}

/** The area code a local number without one belongs to (Beijing: 010). */
export const defaultAreaCode = '010';

const mobile = /^1[3-9]\d{9}$/;
const landlineWithTrunk = /^0[1-9]\d{8,10}$/;
const localNumber = /^[2-9]\d{6,7}$/;

export function normalisePhone(raw: string, areaCode = defaultAreaCode): PhoneKey | null {
  // Separators people and switches put in; an extension after `#`, `ext` or `转` is not part of the key.
  const main = raw.trim().split(/(?:#|ext\.?|转|x(?=\d))/i)[0] ?? '';
  if (!/^[+\d\s\-().]*$/.test(main)) return null;
  let digits = main.replace(/[^\d+]/g, '');
  if (digits.indexOf('+') > 0) return null;
  const international = /^(\+|00)86/.exec(digits);
  if (international) digits = digits.slice(international[0].length);
  else if (digits.startsWith('+'))
    return null; // another country: not ours to normalise
  else if (/^86(1[3-9]\d{9}|[1-9]\d{8,10})$/.test(digits) && !mobile.test(digits)) digits = digits.slice(2);

  if (mobile.test(digits)) return { key: digits, kind: 'mobile' };
  if (international && /^[1-9]\d{8,10}$/.test(digits)) return { key: `0${digits}`, kind: 'landline' };
  if (landlineWithTrunk.test(digits)) return { key: digits, kind: 'landline' };
  if (localNumber.test(digits)) return { key: `${areaCode}${digits}`, kind: 'landline' };
  // Service numbers (12345, 95598) and anything else plausible: kept as typed, digits only.
  if (!international && /^\d{3,20}$/.test(digits)) return { key: digits, kind: 'other' };
  return null;
}

/** The key for a number, or null when it is not a phone number at all. */
export const phoneKey = (raw: string | undefined | null): string | null => (raw ? (normalisePhone(raw)?.key ?? null) : null);

/** `13800138000` → `138 0013 8000`; `01065123456` → `010-6512 3456`: how agents read numbers aloud. */
export function formatPhone(key: string): string {
  if (mobile.test(key)) return `${key.slice(0, 3)} ${key.slice(3, 7)} ${key.slice(7)}`;
  const landline = /^(0(?:10|2\d|[3-9]\d\d))(\d{3,4})(\d{4})$/.exec(key);
  if (landline) return `${landline[1]}-${landline[2]} ${landline[3]}`;
  return key;
}
