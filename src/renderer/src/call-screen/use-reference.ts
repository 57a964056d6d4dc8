import { useEffect, useMemo, useState } from 'react';
import type { CachedReference } from '../../../shared/contract/reference';
import type { Matchable } from '../../../shared/domain/reference-match';
import { requestTypes as requestTypeOrder } from '../../../shared/domain/ticket';
import { useLinkState, useWorkstation } from '../shell/api-context';

/** One reference item as the pickers use it: names for display and every spelling to match. */
export interface RefItem extends Matchable {
  code: string;
  en: string;
  parent: string | null;
  districtCode: string | null;
  /** A retired category or unit: named on the tickets that have it, never offered for a new choice. */
  retired: boolean;
}

export interface Reference {
  /** The categories and units offered for a choice made now: retired ones are left out. */
  categories: RefItem[];
  districts: RefItem[];
  streets: RefItem[];
  requestTypes: RefItem[];
  units: RefItem[];
  /** Every category and unit, retired ones too: for filters over tickets and for names. */
  allCategories: RefItem[];
  allUnits: RefItem[];
  byKey: Map<string, RefItem>;
}

const kinds = ['category', 'district', 'street', 'requestType', 'unit'] as const;
type Listed = Extract<CachedReference, { kind: (typeof kinds)[number] }>;
const listed = (r: CachedReference): r is Listed => kinds.some((k) => k === r.kind);

function toItem(r: Listed): RefItem {
  const item: RefItem = { code: r.code, zh: r.body.zh, en: r.body.en, parent: null, districtCode: null, retired: false };
  switch (r.kind) {
    case 'category':
      return {
        ...item,
        pinyin: r.body.pinyin,
        initials: r.body.initials,
        keywords: r.body.keywords,
        parent: r.body.parent,
        retired: r.body.active === false,
      };
    case 'district':
      return { ...item, pinyin: r.body.pinyin, initials: r.body.initials };
    case 'street':
      return { ...item, pinyin: r.body.pinyin, initials: r.body.initials, districtCode: r.body.districtCode };
    case 'unit':
      return { ...item, districtCode: r.body.districtCode ?? null, retired: r.body.active === false };
    case 'requestType':
      return item;
  }
}

const order = (code: string) => requestTypeOrder.findIndex((t) => t === code);

/** Reference data from the local cache (works offline), reloaded when sync brings changes. */
export function useReference(): Reference {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const [items, setItems] = useState<Listed[]>([]);
  useEffect(() => {
    if (link !== 'open') return;
    const load = () =>
      api.reference.list({ kinds: [...kinds] }).then(
        (list) => setItems(list.filter(listed)),
        () => {},
      );
    void load();
    return on.reference.changed(() => void load());
  }, [api, on, link]);
  return useMemo(() => {
    const of = (kind: string) => items.filter((i) => i.kind === kind).map(toItem);
    const categoryItems = of('category');
    const groups = new Map(categoryItems.filter((c) => c.parent === null).map((g) => [g.code, g]));
    // Leaves only, each labelled with its group: 供暖 › 室温不达标. A leaf of a retired group is retired too.
    const leaves = categoryItems
      .filter((c) => c.parent !== null)
      .map((c) => ({
        ...c,
        zh: `${groups.get(c.parent!)?.zh ?? ''} › ${c.zh}`,
        en: `${groups.get(c.parent!)?.en ?? ''} › ${c.en}`,
        keywords: [...(c.keywords ?? []), c.zh],
        retired: c.retired || groups.get(c.parent!)?.retired === true,
      }));
    const units = of('unit');
    return {
      categories: leaves.filter((c) => !c.retired),
      allCategories: leaves,
      districts: of('district'),
      streets: of('street'),
      // In the order hotlines count them, so the digit an agent types is always the same.
      requestTypes: of('requestType').sort((a, b) => order(a.code) - order(b.code)),
      units: units.filter((u) => !u.retired),
      allUnits: units,
      byKey: new Map(items.map((i) => [`${i.kind}:${i.code}`, toItem(i)])),
    };
  }, [items]);
}

/** The name of a reference item in the UI language, or the code when it is not cached. */
export const refName = (reference: Reference, kind: string, code: string | null | undefined, locale: string): string => {
  if (!code) return '';
  const item = reference.byKey.get(`${kind}:${code}`);
  return item ? (locale === 'en' ? item.en : item.zh) : code;
};

/** What a picker offers: the items offered now, and the one already chosen even if it was retired since. */
export const offeredWith = (offered: RefItem[], all: RefItem[], chosen: string | null | undefined): RefItem[] => {
  if (!chosen || offered.some((i) => i.code === chosen)) return offered;
  const item = all.find((i) => i.code === chosen);
  return item ? [...offered, item] : offered;
};
