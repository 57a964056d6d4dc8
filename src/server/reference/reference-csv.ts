/**
 * Reference data as CSV, one kind per file: the code, then the body's fields, one column each, in
 * the order below. A list (keywords, co-handling units, further categories) is one cell with its
 * items joined by `|` (a keyword may hold a space); an empty cell is "none"; yes/no cells are
 * `true` or `false`. Spellings (pinyin, initials) and a street's district name are left out: the
 * server derives them. Written as UTF-8 with a BOM (spreadsheets read the Chinese right), CRLF,
 * RFC 4180 quoting; read with or without the BOM. A row missing from an import is left as it is:
 * nothing is deleted by an import, an item is retired with `active` false.
 */
import { parseCsv } from '../../shared/csv';
import { checkReferenceEntry, type ReferenceEntry } from '../../shared/domain/reference';
import { csvText } from '../../shared/domain/rate-rows';
import type { EditableKind } from '../../shared/server-api/reference-admin';
import { AppError } from '../../shared/result';
import type { ImportRow } from './reference-checks';
import { spellings } from './spellings';

type Cell = 'text' | 'optional' | 'nullable' | 'int' | 'optionalInt' | 'bool' | 'optionalBool' | 'list';
type Layout = readonly (readonly [field: string, cell: Cell])[];

const names: Layout = [
  ['zh', 'text'],
  ['en', 'text'],
];

/** The columns of each kind after `code`. */
export const csvLayouts: Record<EditableKind, Layout> = {
  category: [...names, ['parent', 'nullable'], ['sla', 'optional'], ['keywords', 'list'], ['active', 'optionalBool']],
  unit: [
    ...names,
    ['type', 'text'],
    ['districtCode', 'optional'],
    ['streetCode', 'optional'],
    ['contact', 'optional'],
    ['active', 'optionalBool'],
  ],
  routingRule: [
    ['category', 'text'],
    ['districtCode', 'nullable'],
    ['streetCode', 'optional'],
    ['target', 'text'],
    ['also', 'list'],
  ],
  slaPolicy: [...names, ['dispatchMinutes', 'int'], ['feedbackMinutes', 'int'], ['feedbackWorkingDays', 'optionalInt']],
  calendarDay: [...names, ['workday', 'bool']],
  requestType: names,
  wrapup: [...names, ['order', 'optionalInt'], ['proposedFor', 'optional']],
  breakReason: [...names, ['order', 'optionalInt']],
  queue: names,
  article: [
    ['category', 'text'],
    ['titleZh', 'text'],
    ['titleEn', 'text'],
    ['bodyZh', 'text'],
    ['bodyEn', 'text'],
    ['categories', 'list'],
    ['keywords', 'list'],
    ['status', 'optional'],
  ],
  district: names,
  street: [...names, ['districtCode', 'text']],
};

const listSeparator = '|';
const spelled: readonly EditableKind[] = ['category', 'district', 'street'];

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(listSeparator);
  return String(value);
}

/** One kind's items as a CSV file, by code. */
export function referenceCsv(kind: EditableKind, entries: readonly ReferenceEntry[]): string {
  const layout = csvLayouts[kind];
  const lines = [...entries]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((entry) => {
      const body: Record<string, unknown> = entry.body;
      return [entry.code, ...layout.map(([field]) => cellText(body[field]))];
    });
  return csvText(['code', ...layout.map(([field]) => field)], lines);
}

/** A cell read as its column's type; a string says why it cannot be. */
function readCell(cell: Cell, raw: string): { value: unknown } | string {
  const text = raw.trim();
  switch (cell) {
    case 'text':
      return text ? { value: text } : 'is empty';
    case 'optional':
      return { value: text || undefined };
    case 'nullable':
      return { value: text || null };
    case 'int':
    case 'optionalInt':
      if (!text) return cell === 'int' ? 'is empty' : { value: undefined };
      return /^\d+$/.test(text) ? { value: Number(text) } : `${text} is not a whole number`;
    case 'bool':
    case 'optionalBool':
      if (!text) return cell === 'bool' ? 'is empty (true or false)' : { value: undefined };
      return text === 'true' || text === 'false' ? { value: text === 'true' } : `${text} is neither true nor false`;
    case 'list': {
      const items = text
        .split(listSeparator)
        .map((s) => s.trim())
        .filter(Boolean);
      return { value: items.length > 0 ? items : undefined };
    }
  }
}

/**
 * A CSV of one kind read into rows, each the item it says or why it cannot be one, with its line
 * (the header is line 1). A file that is not CSV, or lacks a column, is refused whole.
 */
export function readReferenceCsv(kind: EditableKind, text: string): ImportRow[] {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    throw new AppError('invalid_input', `${(error as Error).message} Correct the file and import it again.`, [
      { path: 'csv', message: (error as Error).message },
    ]);
  }
  const layout = csvLayouts[kind];
  const wanted = ['code', ...layout.map(([field]) => field)];
  const missing = wanted.filter((c) => !parsed.columns.includes(c));
  const unknown = parsed.columns.filter((c) => !wanted.includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    const what = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    throw new AppError('invalid_input', `The header of a ${kind} file is ${wanted.join(',')} (${what}); export one to see it.`, [
      { path: 'line 1', message: what },
    ]);
  }
  return parsed.rows.map((row, i) => {
    const line = parsed.lines[i]!;
    const problems: string[] = [];
    const body: Record<string, unknown> = {};
    for (const [field, cell] of layout) {
      const read = readCell(cell, row[field] ?? '');
      if (typeof read === 'string') problems.push(`${field} ${read}`);
      else if (read.value !== undefined) body[field] = read.value;
    }
    const code = (row.code ?? '').trim();
    if (!code) problems.push('code is empty');
    if (problems.length > 0) return { line, problem: problems.join('; ') };
    // Spellings are not columns: derived here so the schema finds them, and again on the write.
    if (spelled.includes(kind) && typeof body.zh === 'string') Object.assign(body, spellings(body.zh));
    const check = checkReferenceEntry({ kind, code, body });
    return check.ok ? { line, entry: check.entry } : { line, problem: check.reason };
  });
}
