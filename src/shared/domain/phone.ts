import type { z } from 'zod';
import { halfWidth } from './full-width';

/**
 * Caller numbers as agents and switches write them — `138 0013 8000`, `+86 138-0013-8000`,
 * `(010) 6512 3456`, `65123456`, `0086 10 6512 3456`, full-width `１３８…` from a Chinese input
 * method — reduced to one key, so a caller's history is found however the number arrived.
 * Mainland numbering plan: mobiles are 11 digits, 1 then 3–9; landlines are a trunk 0, an area
 * code (010 and 02x are followed by 8 digits, the 4-digit codes 03xx–09xx by 7 or 8) and a local
 * number that starts with 2–9.
 */
export interface PhoneKey {
  /** Digits only: the mobile number, or the landline with its leading 0 and area code. */
  key: string;
  kind: 'mobile' | 'landline' | 'other';
}

/** A number that passed, with the extension dialled after it (not part of the key). */
export interface ParsedPhone extends PhoneKey {
  extension: string | null;
}

/**
 * Why a text is not a number we can register, each with its own message in the UI:
 * `characters` (letters or signs no number has), `foreign` (another country code), `mobile`
 * (starts with 1 but is not 1[3-9] and 11 digits), `landline` (area code or length wrong),
 * `extension` (what follows 转 / # / ext is not 1–6 digits).
 */
export type PhoneProblem = 'characters' | 'foreign' | 'mobile' | 'landline' | 'extension';

export type PhoneParse = ({ ok: true } & ParsedPhone) | { ok: false; problem: PhoneProblem };

/** The area code a local number without one belongs to (Beijing: 010). */
export const defaultAreaCode = '010';

const mobile = /^1[3-9]\d{9}$/;
/** Hotline and service numbers a call may come from: 110–129, 10xxx–12xxx (12345), 95xxx(xxx), 96xxx(xxx), 400/800. */
const service = /^(1[12]\d|1[0-2]\d{3}|9[56]\d{3}(\d{3})?|[48]00\d{7})$/;
/** Big-city area codes take 8-digit local numbers; the 4-digit ones 7 or 8. */
const landline = /^(?:(?:010|02\d)[2-9]\d{7}|0[3-9]\d\d[2-9]\d{6,7})$/;
const extensionMark = /\s*(?:#|ext\.?|分机|转|x(?=\s*\d))\s*/i;

/** Every dash a keyboard or a word processor makes, read as the hyphen people mean. */
const dashes = /[\u2010-\u2015\u2212\u30fc\ufe58\ufe63]/g;

function classify(digits: string, international: boolean, areaCode: string): PhoneKey | PhoneProblem {
  if (mobile.test(digits)) return { key: digits, kind: 'mobile' };
  if (international) {
    // After +86 the trunk 0 is dropped: 10 6512 3456 is Beijing, any other 1… a mobile.
    if (digits.startsWith('1') && !digits.startsWith('10')) return 'mobile';
    const withTrunk = digits.startsWith('0') ? digits : `0${digits}`;
    return landline.test(withTrunk) ? { key: withTrunk, kind: 'landline' } : 'landline';
  }
  if (service.test(digits)) return { key: digits, kind: 'other' };
  if (digits.startsWith('1')) return 'mobile';
  if (digits.startsWith('0')) return landline.test(digits) ? { key: digits, kind: 'landline' } : 'landline';
  const local = `${areaCode}${digits}`;
  return landline.test(local) ? { key: local, kind: 'landline' } : 'landline';
}

/**
 * Reads a number as typed, or says what is wrong with it. Full-width digits and signs are read
 * as their ASCII forms; spaces, dashes, dots and brackets are separators; `+86`, `0086` and a
 * bare `86` before a mobile are the country code.
 */
export function parsePhone(raw: string, areaCode = defaultAreaCode): PhoneParse {
  const text = halfWidth(raw).replace(dashes, '-').trim();
  const [main = '', extension, ...more] = text.split(extensionMark);
  if (more.length > 0) return { ok: false, problem: 'extension' };
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return { ok: false, problem: 'extension' };
  if (!/^\+?[\d\s\-().]*$/.test(main) || !/\d/.test(main)) return { ok: false, problem: 'characters' };
  let digits = main.replace(/\D/g, '');
  const international = /^(\+|00)/.test(main.replace(/[\s(]/g, ''));
  if (international) {
    if (!/^(00)?86/.test(digits) || (main.includes('+') && digits.startsWith('00'))) return { ok: false, problem: 'foreign' };
    digits = digits.replace(/^(00)?86/, '');
  } else if (/^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  const found = classify(digits, international, areaCode);
  if (typeof found === 'string') return { ok: false, problem: found };
  return { ok: true, ...found, extension: extension ?? null };
}

export function normalisePhone(raw: string, areaCode = defaultAreaCode): PhoneKey | null {
  const parsed = parsePhone(raw, areaCode);
  return parsed.ok ? { key: parsed.key, kind: parsed.kind } : null;
}

/** The key for a number, or null when it is not a phone number at all. */
export const phoneKey = (raw: string | undefined | null): string | null => (raw ? (normalisePhone(raw)?.key ?? null) : null);

/**
 * The digits a search for a number should look for, when the query is a number or the start of
 * one however written: the key of a whole number (`+86 133 2394 3107`, `010-8303 2336`,
 * `8303 2336`), else the digits typed so far without the country code (`+86 133 2394` → `1332394`),
 * to match as a prefix of the keys. Null for a query that is not a number (text, a ticket number).
 */
export function phoneSearchDigits(query: string, areaCode = defaultAreaCode): string | null {
  const parsed = parsePhone(query, areaCode);
  if (parsed.ok) return parsed.key;
  const text = halfWidth(query).replace(dashes, '-').trim();
  if (!/^\+?[\d\s\-().]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  const local = /^(\+|00)/.test(text) ? digits.replace(/^(00)?86(?=\d)/, '').replace(/^(?=10|[2-9])/, '0') : digits;
  return local.length >= 4 ? local : null;
}

/** `13800138000` → `138 0013 8000`; `01065123456` → `010-6512 3456`: how agents read numbers aloud. */
export function formatPhone(key: string): string {
  if (mobile.test(key)) return `${key.slice(0, 3)} ${key.slice(3, 7)} ${key.slice(7)}`;
  const landlineParts = /^(0(?:10|2\d|[3-9]\d\d))(\d{3,4})(\d{4})$/.exec(key);
  if (landlineParts) return `${landlineParts[1]}-${landlineParts[2]} ${landlineParts[3]}`;
  return key;
}

/** What to tell the person who typed a number `parsePhone` refused: what is wrong and what to type. */
export const phoneProblemMessages: Record<PhoneProblem, string> = {
  characters: 'is not a phone number: type digits, with spaces, dashes or brackets if you like, and an extension after 转 or #',
  foreign: 'is not a mainland China number: only +86 numbers can be registered; put another number in the description',
  mobile: 'is not a mobile number: a mobile has 11 digits, 1 then 3–9, like 138 0013 8000',
  landline: 'is not a landline number: type the area code and the 7–8 digit number, like 010-6512 3456 (010 and 02x take 8 digits)',
  extension: 'has an extension that is not 1–6 digits: type it after 转 or #, like 010-6512 3456 转 8021',
};

/** A zod check refusing a number `parsePhone` refuses, with its problem as the message. */
export function phoneCheck(ctx: z.core.ParsePayload<string>): void {
  if (ctx.value === '') return;
  const parsed = parsePhone(ctx.value);
  if (!parsed.ok) ctx.issues.push({ code: 'custom', message: phoneProblemMessages[parsed.problem], input: ctx.value, continue: true });
}
