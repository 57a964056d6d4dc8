import { fieldLimits } from '../../shared/domain/field-limits';
import { parseHistoryDate } from '../../shared/domain/history-date';
import { phoneKey } from '../../shared/domain/phone';
import { type RequestType, requestTypes } from '../../shared/domain/ticket';
import type { ImportColumn } from './column-mapping';
import type { ImportCatalogue, Resolved } from './import-catalogue';

/** A row of the file checked and resolved to catalogue codes: what its ticket's events are made from. */
export interface ImportRow {
  line: number;
  text: string;
  title?: string;
  category: string;
  /** The instant, and the cell as written (part of the ids of rows without a key, as before mapping existed). */
  created: string;
  createdText: string;
  closed?: string;
  key?: string;
  unit?: string;
  district?: string;
  street?: string;
  address?: string;
  phone?: string;
  requestType: RequestType;
  latitude?: number;
  longitude?: number;
}

const isRequestType = (value: string): value is RequestType => (requestTypes as readonly string[]).includes(value);

/** Each name is looked up once per file, however many rows name it. */
function memo<A extends unknown[]>(resolve: (...args: A) => Resolved): (...args: A) => Resolved {
  const seen = new Map<string, Resolved>();
  return (...args) => {
    const key = JSON.stringify(args);
    let hit = seen.get(key);
    if (!hit) seen.set(key, (hit = resolve(...args)));
    return hit;
  };
}

export type RowReader = (raw: Partial<Record<ImportColumn, string>>, line: number) => ImportRow | string[];

/** Reads rows against the catalogue, dates without a zone in `zone`; a row is its problems or its data. */
export function rowReader(catalogue: ImportCatalogue, zone: string): RowReader {
  const category = memo((value: string, group: string | undefined) => catalogue.category(value, group));
  const unit = memo((value: string, name: string | undefined) => catalogue.unit(value, name));
  const district = memo((value: string, name: string | undefined) => catalogue.district(value, name));
  const street = memo((value: string, name: string | undefined, at: string | undefined) => catalogue.street(value, name, at));

  return (raw, line) => {
    const problems: string[] = [];
    const cell = (column: ImportColumn) => raw[column]?.trim() || undefined;
    const code = (resolved: Resolved) => ('problem' in resolved ? (problems.push(resolved.problem), undefined) : resolved.code);
    const limited = (column: ImportColumn, max: number) => {
      const value = cell(column);
      if (value !== undefined && value.length > max) problems.push(`${column} is longer than ${max} characters`);
      return value;
    };
    const date = (column: 'created' | 'closed') => {
      const value = cell(column);
      if (value === undefined) return undefined;
      const parsed = parseHistoryDate(value, zone);
      if (parsed.ok) return parsed.iso;
      problems.push(`${column} ${parsed.reason}`);
      return undefined;
    };
    const degrees = (column: 'latitude' | 'longitude', max: number) => {
      const value = cell(column);
      if (value === undefined) return undefined;
      const n = Number(value);
      if (Number.isFinite(n) && Math.abs(n) <= max) return n;
      problems.push(`${column} "${value}" is not a number of degrees between -${max} and ${max}`);
      return undefined;
    };

    const text = limited('text', fieldLimits.description);
    if (text === undefined) problems.push('text is empty');
    const title = limited('title', 200);
    const categoryValue = cell('category');
    const categoryCode =
      categoryValue === undefined ? (problems.push('category is empty'), undefined) : code(category(categoryValue, cell('category_group')));
    const createdText = cell('created');
    const created = createdText === undefined ? (problems.push('created is empty'), undefined) : date('created');
    const closed = date('closed');
    if (created && closed && closed < created) problems.push(`closed ${cell('closed')} is before created ${createdText}`);
    const unitValue = cell('unit');
    const unitCode = unitValue ? code(unit(unitValue, cell('unit_name'))) : undefined;
    const districtValue = cell('district') ?? cell('district_name');
    const districtCode = districtValue ? code(district(districtValue, cell('district_name'))) : undefined;
    const streetValue = cell('street') ?? cell('street_name');
    const streetCode = streetValue ? code(street(streetValue, cell('street_name'), districtCode)) : undefined;
    const phone = limited('phone', fieldLimits.callerPhone);
    if (phone && !phoneKey(phone)) problems.push(`"${phone}" is not a phone number`);
    const requestType = cell('request_type') ?? 'complaint';
    if (!isRequestType(requestType)) problems.push(`request_type "${requestType}" is not one of ${requestTypes.join(', ')}`);
    const latitude = degrees('latitude', 90);
    const longitude = degrees('longitude', 180);
    const address = limited('address', fieldLimits.addressDetail);
    const key = limited('key', 200);

    if (problems.length > 0 || !text || !categoryCode || !created || !createdText || !isRequestType(requestType)) {
      return problems.map((p) => `line ${line}: ${p}`);
    }
    return {
      line,
      text,
      category: categoryCode,
      created,
      createdText,
      requestType,
      ...(title ? { title } : {}),
      ...(closed ? { closed } : {}),
      ...(key ? { key } : {}),
      ...(unitCode ? { unit: unitCode } : {}),
      ...(districtCode ? { district: districtCode } : streetCode ? { district: streetCode.slice(0, 6) } : {}),
      ...(streetCode ? { street: streetCode } : {}),
      ...(address ? { address } : {}),
      ...(phone ? { phone } : {}),
      ...(latitude !== undefined && longitude !== undefined ? { latitude, longitude } : {}),
    };
  };
}
