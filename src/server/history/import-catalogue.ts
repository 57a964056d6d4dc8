import type { ReferenceBodies, SlaClass } from '../../shared/domain/reference';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import type { ReferenceDraft } from '../reference/reference-data';
import { digitCandidates, keywordsOf, nameKey, slugCandidates, spellingsOf, take } from './catalogue-codes';

type Kind = 'category' | 'unit' | 'district' | 'street';
interface StoredItem {
  kind: Kind;
  code: string;
  deleted: boolean;
  body: { zh?: string; en?: string; parent?: string | null; districtCode?: string };
}

/** Where new categories go when the file names no group. */
export const defaultGroup = { code: 'imported', zh: '导入的类别', en: 'Imported service types' } as const;

export type Resolved = { code: string } | { problem: string };

const hint = ' (import with --create-catalogue to create it, or add it to the catalogue first)';

/**
 * The catalogue as an import meets it: codes and names already there, and the items the file's
 * rows need that are not. With `create`, a name not found becomes a new item (codes:
 * catalogue-codes.ts); without, it is a problem the row reports.
 */
export class ImportCatalogue {
  private readonly taken = new Set<string>();
  private readonly codes = new Map<string, string>();
  private readonly names = new Map<string, string>();
  /** Leaves by name alone, for a file without a group column (the first one of a name wins). */
  private readonly leaves = new Map<string, string>();
  private readonly created: ReferenceDraft[] = [];

  private constructor(
    items: readonly StoredItem[],
    private readonly create: boolean,
    private readonly sla: SlaClass,
  ) {
    for (const item of items) {
      this.taken.add(`${item.kind}/${item.code}`);
      if (item.deleted) continue;
      this.codes.set(`${item.kind}/${item.code}`, item.code);
      for (const name of [item.body.zh, item.body.en]) if (name) this.remember(item.kind, this.scopeOf(item), name, item.code);
    }
  }

  static async load(db: Queryable, options: { create: boolean; sla: SlaClass }): Promise<ImportCatalogue> {
    const items = await db.query<StoredItem>(
      sql`SELECT kind, code, deleted, body FROM reference_items WHERE kind IN ('category', 'unit', 'district', 'street')`,
    );
    return new ImportCatalogue(items, options.create, options.sla);
  }

  /** Leaves are looked up by name within their group, streets within their district. */
  private scopeOf(item: StoredItem): string {
    if (item.kind === 'category') return item.body.parent ?? '';
    if (item.kind === 'street') return item.body.districtCode ?? '';
    return '';
  }

  private nameSlot = (kind: Kind, scope: string, name: string) => `${kind}/${scope}/${nameKey(name)}`;

  private remember(kind: Kind, scope: string, name: string, code: string) {
    this.names.set(this.nameSlot(kind, scope, name), code);
    if (kind === 'category' && scope !== '' && !this.leaves.has(nameKey(name))) this.leaves.set(nameKey(name), code);
  }

  private known(kind: Kind, scope: string, value: string): string | undefined {
    return this.codes.get(`${kind}/${value}`) ?? this.names.get(this.nameSlot(kind, scope, value));
  }

  private add(draft: ReferenceDraft & { kind: Kind }, scope: string, names: string[]) {
    this.created.push(draft);
    this.taken.add(`${draft.kind}/${draft.code}`);
    this.codes.set(`${draft.kind}/${draft.code}`, draft.code);
    for (const name of names) this.remember(draft.kind, scope, name, draft.code);
  }

  private free(kind: Kind, candidates: Iterable<string>): string | null {
    return take(candidates, (code) => this.taken.has(`${kind}/${code}`));
  }

  /** The group a new category goes under: found by code or name, or created. */
  private group(name: string | undefined): Resolved {
    if (!name) {
      if (!this.codes.has(`category/${defaultGroup.code}`)) {
        this.add({ kind: 'category', code: defaultGroup.code, body: { zh: defaultGroup.zh, en: defaultGroup.en, parent: null } }, '', []);
      }
      return { code: defaultGroup.code };
    }
    const found = this.codes.get(`category/${name}`) ?? this.names.get(this.nameSlot('category', '', name));
    if (found) return { code: found };
    if (!this.create) return { problem: `unknown category group "${name}"${hint}` };
    const code = this.free('category', slugCandidates('', name, 24))!;
    this.add({ kind: 'category', code, body: { zh: name, en: name, parent: null } }, '', [name]);
    return { code };
  }

  category(value: string, groupName: string | undefined): Resolved {
    const anywhere = this.codes.get(`category/${value}`) ?? (groupName ? undefined : this.leaves.get(nameKey(value)));
    if (anywhere) return { code: anywhere };
    const group = this.create || groupName ? this.group(groupName) : null;
    if (group && 'problem' in group) return group;
    const found = group ? this.known('category', group.code, value) : undefined;
    if (found) return { code: found };
    if (!this.create || !group) return { problem: `unknown category "${value}"${hint}` };
    const code = this.free('category', slugCandidates(`${group.code}.`, value, 32))!;
    const body: ReferenceBodies['category'] = {
      zh: value,
      en: value,
      parent: group.code,
      sla: this.sla,
      keywords: keywordsOf(value),
      ...spellingsOf(value),
    };
    this.add({ kind: 'category', code, body }, group.code, [value]);
    return { code };
  }

  unit(value: string, fullName: string | undefined): Resolved {
    // An agency created from its acronym holds it only in its code (its names are the full name).
    const derived = slugCandidates('agency:', value, 32).next().value!;
    const found =
      this.known('unit', '', value) ?? (fullName ? this.known('unit', '', fullName) : undefined) ?? this.codes.get(`unit/${derived}`);
    if (found) return { code: found };
    if (!this.create) return { problem: `unknown unit "${value}"${hint}` };
    const name = fullName || value;
    // The short name (an agency's acronym) makes the code, so agency:nypd rather than a long slug.
    const code = this.free('unit', slugCandidates('agency:', value, 32))!;
    this.add({ kind: 'unit', code, body: { zh: name, en: name, type: 'agency' } }, '', [value, name]);
    return { code };
  }

  /** A 6-digit code is taken as it is (as before mapping existed); a name is looked up or created. */
  district(value: string, name: string | undefined): Resolved {
    if (/^\d{6}$/.test(value)) {
      if (name && this.create && !this.codes.has(`district/${value}`)) {
        this.add({ kind: 'district', code: value, body: { zh: name, en: name, ...spellingsOf(name) } }, '', [name]);
      }
      return { code: value };
    }
    const found = this.known('district', '', value);
    if (found) return { code: found };
    if (!this.create) return { problem: `unknown district "${value}"${hint}` };
    const code = this.free('district', digitCandidates('9', value, 5));
    if (!code) return { problem: `no free district code is left for "${value}"` };
    this.add({ kind: 'district', code, body: { zh: value, en: value, ...spellingsOf(value) } }, '', [value]);
    return { code };
  }

  street(value: string, name: string | undefined, districtCode: string | undefined): Resolved {
    if (/^\d{9}$/.test(value)) {
      if (districtCode && !value.startsWith(districtCode)) return { problem: `street ${value} is not in district ${districtCode}` };
      if (name && this.create && !this.codes.has(`street/${value}`)) {
        const body = { zh: name, en: name, districtCode: value.slice(0, 6), ...spellingsOf(name) };
        this.add({ kind: 'street', code: value, body }, value.slice(0, 6), [name]);
      }
      return { code: value };
    }
    if (!districtCode) return { problem: `street "${value}" needs a district; map the district column too` };
    const found = this.known('street', districtCode, value);
    if (found) return { code: found };
    if (!this.create) return { problem: `unknown street "${value}"${hint}` };
    const code = this.free('street', digitCandidates(districtCode, value, 3));
    if (!code) return { problem: `district ${districtCode} has no free street code left for "${value}"; map address instead of street` };
    this.add({ kind: 'street', code, body: { zh: value, en: value, districtCode, ...spellingsOf(value) } }, districtCode, [value]);
    return { code };
  }

  /** The items the file's rows needed that the catalogue did not have, to write before the tickets. */
  newItems(): readonly ReferenceDraft[] {
    return this.created;
  }
}
