import type { ReferenceEntry } from '../../../shared/domain/reference';
import { checkReferenceEntry, type EntryCheck } from '../../../shared/domain/reference';
import { type FieldSpec, kindFields, type ReferenceSection } from './admin-kinds';

/** What the form holds: every field as typed (strings), yes/no fields as booleans. */
export type FormValues = Record<string, string | boolean>;

type Body = Record<string, unknown>;
const bodyOf = (entry: ReferenceEntry | null): Body => (entry ? (entry.body as Body) : {});

/** Lists are typed comma-separated; Chinese commas and 、 count too, as do new lines. */
export const splitList = (text: string) =>
  text
    .split(/[,，、;；\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

function valueOf(field: FieldSpec, value: unknown): string | boolean {
  switch (field.type) {
    case 'bool':
      return typeof value === 'boolean' ? value : field.initial;
    case 'list':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'int':
      return typeof value === 'number' ? String(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The form's values for an item, or for a new one of the kind. */
export function formValues(kind: ReferenceSection, entry: ReferenceEntry | null): FormValues {
  const body = bodyOf(entry);
  const values: FormValues = { code: entry?.code ?? '' };
  for (const field of kindFields[kind]) values[field.key] = valueOf(field, body[field.key]);
  // A new article starts as a draft: agents see it once it is published.
  if (kind === 'article' && !entry) values.status = 'draft';
  return values;
}

function write(body: Body, field: FieldSpec, value: string | boolean) {
  const text = typeof value === 'string' ? value.trim() : '';
  delete body[field.key];
  if (field.type === 'bool') body[field.key] = value === true;
  else if (field.type === 'list') {
    if (text) body[field.key] = splitList(text);
  } else if (field.type === 'int') {
    // Left as typed when it is no number, so the check names the field.
    if (text) body[field.key] = /^-?\d+$/.test(text) ? Number(text) : text;
  } else if (field.type === 'ref' && field.nullable) body[field.key] = text || null;
  else if (text || field.required) body[field.key] = field.type === 'markdown' ? String(value) : text;
}

/**
 * The item the form describes, checked against its kind's schema. What the form does not show
 * (a category's pinyin) is kept from the item as it was read.
 */
export function entryFrom(kind: ReferenceSection, values: FormValues, base: ReferenceEntry | null): EntryCheck {
  const body: Body = { ...bodyOf(base) };
  for (const field of kindFields[kind]) write(body, field, values[field.key] ?? '');
  return checkReferenceEntry({ kind, code: String(values.code ?? '').trim(), body });
}

/** The same values, compared field by field: has the admin changed anything? */
export const sameValues = (a: FormValues, b: FormValues) => Object.keys({ ...a, ...b }).every((key) => (a[key] ?? '') === (b[key] ?? ''));
