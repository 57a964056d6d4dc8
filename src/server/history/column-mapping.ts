import { requestTypes } from '../../shared/domain/ticket';

/**
 * Which column of another centre's export holds each of our import columns. A mapping names only
 * the columns whose names differ; every other column of ours is read from the column of its own
 * name, if the file has one.
 */

/** Our import columns, and what each holds (the README's import section lists them too). */
export const importColumns = {
  text: 'what the caller reported (required)',
  category: 'the service type: a catalogue code or name (required)',
  created: 'when it was registered: ISO 8601, or US month/day/year (required)',
  key: "the source's own id of the request; when given, ticket ids derive from it",
  title: 'a short summary put before the text',
  category_group: 'the group a new category is created under (e.g. the agency)',
  unit: 'the handling unit: a unit code or name (agency)',
  unit_name: "the unit's full name, for a unit created from the file",
  closed: 'when it was closed (same formats as created)',
  district: 'a 6-digit division code or a district / neighbourhood name',
  district_name: "the district's name when district holds a code",
  street: 'a 9-digit division code or a street name',
  street_name: "the street's name when street holds a code",
  address: 'the address as written (kept as the address detail)',
  phone: "the caller's number",
  request_type: `one of ${requestTypes.join(', ')} (default complaint)`,
  latitude: 'WGS84 degrees',
  longitude: 'WGS84 degrees',
};

export type ImportColumn = keyof typeof importColumns;
export const importColumnNames = Object.keys(importColumns) as ImportColumn[];
const isImportColumn = (name: string): name is ImportColumn => Object.hasOwn(importColumns, name);

/** Our column → the file's column. */
export type ColumnMapping = Partial<Record<ImportColumn, string>>;

function checked(entries: [string, unknown][], where: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [ours, theirs] of entries) {
    if (!isImportColumn(ours)) {
      throw new Error(`${where}: "${ours}" is not one of our columns; map one of ${importColumnNames.join(', ')}.`);
    }
    if (typeof theirs !== 'string' || theirs.trim() === '') throw new Error(`${where}: ${ours} needs the name of a column of the file.`);
    mapping[ours] = theirs.trim();
  }
  return mapping;
}

/**
 * `text=Descriptor,category=Complaint Type`: a comma starts the next pair only where `name=`
 * follows, so the file's column names may hold commas and spaces.
 */
export function parseMapOption(text: string): ColumnMapping {
  const pairs = text
    .split(/,(?=\s*[a-z_]+\s*=)/)
    .map((pair) => pair.trim())
    .filter(Boolean);
  return checked(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at < 0) throw new Error(`--map: "${pair}" is not ours=theirs, e.g. text=Descriptor.`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1)];
    }),
    '--map',
  );
}

/** A mapping file: a JSON object of our column → the file's column (keys starting `$` are comments). */
export function parseMappingFile(json: string, file: string): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file} is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${file} must be a JSON object such as {"text": "Descriptor", "category": "Complaint Type"}.`);
  }
  return checked(
    Object.entries(value).filter(([key]) => !key.startsWith('$')),
    file,
  );
}

/**
 * The file's column for each of ours: the mapped one, or the one of the same name. A mapped column
 * the file lacks is an error now, before any row is read.
 */
export function resolveColumns(mapping: ColumnMapping, fileColumns: readonly string[]): Partial<Record<ImportColumn, string>> {
  const present = new Set(fileColumns);
  const missing = Object.entries(mapping).filter(([, theirs]) => !present.has(theirs));
  if (missing.length > 0) {
    throw new Error(
      `The file has no column ${missing.map(([ours, theirs]) => `"${theirs}" (mapped to ${ours})`).join(', ')}; its columns are: ${fileColumns.join(', ')}.`,
    );
  }
  const resolved: Partial<Record<ImportColumn, string>> = {};
  for (const ours of importColumnNames) {
    const theirs = mapping[ours] ?? (present.has(ours) ? ours : undefined);
    if (theirs !== undefined) resolved[ours] = theirs;
  }
  const required = (['text', 'category', 'created'] as const).filter((c) => resolved[c] === undefined);
  if (required.length > 0) {
    throw new Error(
      `The file has no column for ${required.join(', ')}; map them, e.g. --map ${required.map((c) => `${c}=<its column>`).join(',')}. Its columns are: ${fileColumns.join(', ')}.`,
    );
  }
  return resolved;
}

/** One record of the file read as our columns (absent ones undefined). */
export function mapRecord(
  record: Record<string, string>,
  columns: Partial<Record<ImportColumn, string>>,
): Partial<Record<ImportColumn, string>> {
  const out: Partial<Record<ImportColumn, string>> = {};
  for (const ours of importColumnNames) {
    const theirs = columns[ours];
    if (theirs !== undefined) out[ours] = record[theirs];
  }
  return out;
}
