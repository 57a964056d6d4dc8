import { useEffect, useState } from 'react';
import type { ReferenceEntry } from '../../../shared/domain/reference';
import type { RefItem } from '../call-screen/use-reference';
import { useWorkstation } from '../shell/api-context';
import type { RefKind } from './admin-kinds';
import { useAdminWords } from './use-admin-words';

function choiceOf(entry: ReferenceEntry): RefItem | null {
  // Retired ones stay choosable here: an item that names one must still show it (the server says why it is refused).
  const retired = 'active' in entry.body && entry.body.active === false;
  const base = { code: entry.code, parent: null, districtCode: null, keywords: [entry.code], retired };
  switch (entry.kind) {
    case 'category':
      return {
        ...base,
        zh: entry.body.zh,
        en: entry.body.en,
        pinyin: entry.body.pinyin,
        initials: entry.body.initials,
        parent: entry.body.parent,
      };
    case 'district':
      return { ...base, zh: entry.body.zh, en: entry.body.en, pinyin: entry.body.pinyin, initials: entry.body.initials };
    case 'street':
      return { ...base, zh: entry.body.zh, en: entry.body.en, pinyin: entry.body.pinyin, districtCode: entry.body.districtCode };
    case 'unit':
      return { ...base, zh: entry.body.zh, en: entry.body.en, districtCode: entry.body.districtCode ?? null };
    default:
      return null;
  }
}

/**
 * The items a field can point at, read from the server rather than the local cache: what the admin
 * added a moment ago must be there to choose at once, before sync has brought it down. `extra` are
 * choices that are no item (a rule's `street` and `district` leads).
 */
export function useRefChoices(kind: RefKind, extra: readonly string[] = []): RefItem[] {
  const { api } = useWorkstation();
  const { w } = useAdminWords();
  const [items, setItems] = useState<RefItem[]>([]);
  useEffect(() => {
    let gone = false;
    // A failure leaves the field empty; the list itself says why the kind could not be read.
    api.admin.list({ kind }).then(
      ({ items }) => !gone && setItems(items.map((item) => choiceOf(item.entry)).filter((c): c is RefItem => c !== null)),
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [api, kind]);
  const extras = extra.map((code) => ({
    code,
    zh: w(`targets.${code as 'street' | 'district'}`, { lng: 'zh-CN' }),
    en: w(`targets.${code as 'street' | 'district'}`, { lng: 'en' }),
    parent: null,
    districtCode: null,
    keywords: [code],
    retired: false,
  }));
  return [...extras, ...items];
}
