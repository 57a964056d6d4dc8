/**
 * What the schemas cannot say about reference data: that what an item names exists (and is still
 * in use), that a leaf has a time limit, that a calendar day is a date. Every write of an item —
 * an admin's save, an import, the built-in catalogue — passes through these checks, so what a
 * workstation pulls always holds together.
 */
import { type ReferenceBodies, type ReferenceEntry, type ReferenceKind, slaClasses } from '../../shared/domain/reference';
import { requestTypes } from '../../shared/domain/ticket';
import type { FieldIssue } from '../../shared/result';
import type { ReferenceAction } from './reference-store';
import { spellings } from './spellings';

/** The items a check sees: what is stored, with the rest of the batch laid over it. */
export class ReferenceSet {
  private readonly byKind = new Map<ReferenceKind, Map<string, unknown>>();

  constructor(entries: Iterable<ReferenceEntry> = []) {
    for (const entry of entries) this.put(entry);
  }

  put(entry: ReferenceEntry): void {
    const codes = this.byKind.get(entry.kind) ?? new Map<string, unknown>();
    codes.set(entry.code, entry.body);
    this.byKind.set(entry.kind, codes);
  }

  // Only `put` fills the maps, with bodies of the kind they are filed under.
  get<K extends ReferenceKind>(kind: K, code: string): ReferenceBodies[K] | undefined {
    return this.byKind.get(kind)?.get(code) as ReferenceBodies[K] | undefined;
  }

  entries<K extends ReferenceKind>(kind: K): { code: string; body: ReferenceBodies[K] }[] {
    return [...(this.byKind.get(kind) ?? new Map<string, unknown>())].map(([code, body]) => ({ code, body: body as ReferenceBodies[K] }));
  }
}

/** One row of an import: where it came from (a CSV line), and the item it reads as or why it cannot. */
export type ImportRow = { line: number; entry: ReferenceEntry } | { line: number; problem: string };

/** The kinds a check of another kind looks into. */
export const kindsChecksRead: readonly ReferenceKind[] = ['category', 'unit', 'district', 'street', 'routingRule'];

const dropEmpty = <T>(list: readonly T[] | undefined): T[] | undefined => (list && list.length > 0 ? [...list] : undefined);

/**
 * The item as it is stored: spellings derived from the Chinese name (never typed by hand), a
 * street's district name from its district, and nothing that means "none" kept two ways (an empty
 * list, a null street), so an export imported again changes nothing.
 */
export function normalized(entry: ReferenceEntry, set: ReferenceSet): ReferenceEntry {
  switch (entry.kind) {
    case 'category': {
      const { keywords, ...body } = entry.body;
      const words = dropEmpty(keywords);
      return { ...entry, body: { ...body, ...(words ? { keywords: words } : {}), ...spellings(body.zh) } };
    }
    case 'district':
      return { ...entry, body: { ...entry.body, ...spellings(entry.body.zh) } };
    case 'street': {
      const district = set.get('district', entry.body.districtCode)?.zh ?? entry.body.district;
      return { ...entry, body: { ...entry.body, ...spellings(entry.body.zh), ...(district ? { district } : {}) } };
    }
    case 'routingRule': {
      const { streetCode, also, ...body } = entry.body;
      const co = dropEmpty(also);
      return { ...entry, body: { ...body, ...(streetCode ? { streetCode } : {}), ...(co ? { also: co } : {}) } };
    }
    case 'unit': {
      const { contact, ...body } = entry.body;
      return { ...entry, body: { ...body, ...(contact?.trim() ? { contact: contact.trim() } : {}) } };
    }
    case 'article': {
      const { categories, keywords, ...body } = entry.body;
      const also = dropEmpty(categories);
      const words = dropEmpty(keywords);
      return { ...entry, body: { ...body, ...(also ? { categories: also } : {}), ...(words ? { keywords: words } : {}) } };
    }
    default:
      return entry;
  }
}

const isDate = (code: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(code)) return false;
  const date = new Date(`${code}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === code;
};

/** Why an item cannot be written, each with the field it is about; empty when it can. */
export function checkEntry(entry: ReferenceEntry, set: ReferenceSet): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  if (!/^[^\s,"]{1,120}$/.test(entry.code)) issue('code', 'a code is 1 to 120 characters without spaces, commas or quotes');

  const activeCategory = (path: string, code: string) => {
    const category = set.get('category', code);
    if (!category) issue(path, `no category ${code}; create it first or choose one that exists`);
    else if (category.active === false) issue(path, `category ${code} is retired; restore it or choose another`);
  };
  const activeUnit = (path: string, code: string) => {
    const unit = set.get('unit', code);
    if (!unit) issue(path, `no unit ${code}; create it first or choose one that exists`);
    else if (unit.active === false) issue(path, `unit ${code} is retired; restore it or choose another`);
  };
  const district = (path: string, code: string | null | undefined) => {
    if (code && !set.get('district', code)) issue(path, `no district ${code}`);
  };
  const street = (path: string, code: string | null | undefined, districtCode: string | null | undefined) => {
    if (!code) return;
    const found = set.get('street', code);
    if (!found) issue(path, `no street ${code}`);
    else if (districtCode && found.districtCode !== districtCode)
      issue(path, `street ${code} is in district ${found.districtCode}, not ${districtCode}`);
    else if (!districtCode) issue('body.districtCode', `street ${code} is in district ${found.districtCode}: name that district too`);
  };

  switch (entry.kind) {
    case 'category': {
      const { parent, sla } = entry.body;
      if (parent === null) break;
      const group = set.get('category', parent);
      if (parent === entry.code) issue('body.parent', 'a category cannot be its own group');
      else if (!group) issue('body.parent', `no group ${parent}; create the group first`);
      else if (group.parent !== null) issue('body.parent', `${parent} is a category of group ${group.parent}, not a group`);
      if (!sla) issue('body.sla', `a category in a group needs its time limit (${slaClasses.join(', ')})`);
      const children = set.entries('category').filter((c) => c.body.parent === entry.code);
      if (children.length > 0)
        issue('body.parent', `${entry.code} is the group of ${children.length} categories; it cannot go into another group`);
      break;
    }
    case 'routingRule': {
      const { category, districtCode, streetCode, target, also } = entry.body;
      activeCategory('body.category', category);
      district('body.districtCode', districtCode);
      street('body.streetCode', streetCode, districtCode);
      if (target !== 'street' && target !== 'district') activeUnit('body.target', target);
      (also ?? []).forEach((code, i) => activeUnit(`body.also.${i}`, code));
      if ((also ?? []).includes(target)) issue('body.also', `${target} is the lead unit already`);
      break;
    }
    case 'unit': {
      district('body.districtCode', entry.body.districtCode);
      street('body.streetCode', entry.body.streetCode, entry.body.districtCode);
      // A retired unit is dispatched nothing: no written rule may still send tickets to it.
      const code = entry.code;
      const rules = set.entries('routingRule').filter((r) => r.body.target === code || (r.body.also ?? []).includes(code));
      if (entry.body.active === false && rules.length > 0) {
        const named = rules.slice(0, 5).map((r) => r.code);
        const more = rules.length > named.length ? ` and ${rules.length - named.length} more` : '';
        issue('body.active', `the rules ${named.join(', ')}${more} still send tickets to ${code}; send them elsewhere first`);
      }
      break;
    }
    case 'street':
      district('body.districtCode', entry.body.districtCode);
      break;
    case 'article':
      if (!set.get('category', entry.body.category)) issue('body.category', `no category ${entry.body.category}`);
      (entry.body.categories ?? []).forEach((code, i) => {
        if (!set.get('category', code)) issue(`body.categories.${i}`, `no category ${code}`);
      });
      break;
    case 'calendarDay':
      if (!isDate(entry.code)) issue('code', `${entry.code} is not a date; write the day as YYYY-MM-DD (2026-10-01)`);
      break;
    case 'slaPolicy':
      if (!slaClasses.some((c) => c === entry.code)) issue('code', `time limits are kept for the classes ${slaClasses.join(', ')}`);
      break;
    case 'requestType':
      if (!requestTypes.some((t) => t === entry.code)) issue('code', `request types are ${requestTypes.join(', ')}; rename one instead`);
      break;
    default:
      break;
  }
  return issues;
}

/** What writing `entry` over `old` does, as the item's history says it. */
export function actionOf(entry: ReferenceEntry, old: ReferenceEntry | undefined): ReferenceAction {
  if (!old || old.kind !== entry.kind) return 'created';
  if ((entry.kind === 'category' && old.kind === 'category') || (entry.kind === 'unit' && old.kind === 'unit')) {
    if (old.body.active !== false && entry.body.active === false) return 'retired';
    if (old.body.active === false && entry.body.active !== false) return 'restored';
  }
  if (entry.kind === 'article' && old.kind === 'article' && old.body.status === 'draft' && entry.body.status !== 'draft')
    return 'published';
  return 'changed';
}
