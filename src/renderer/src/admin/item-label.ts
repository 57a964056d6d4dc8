import type { ReferenceEntry } from '../../../shared/domain/reference';

/** How an item reads in the list: its code and name, or what a rule says. */
export function itemLabel(entry: ReferenceEntry, en: boolean, words: { cityWide: string }): string {
  switch (entry.kind) {
    case 'routingRule': {
      const where = entry.body.streetCode ?? entry.body.districtCode ?? words.cityWide;
      return `${entry.body.category} · ${where} → ${entry.body.target}`;
    }
    case 'article':
      return `${entry.code} ${en ? entry.body.titleEn : entry.body.titleZh}`;
    case 'model':
    case 'routingProposal':
      return entry.code;
    case 'person':
      return `${entry.code} ${entry.body.name}`;
    default:
      return `${entry.code} ${en ? entry.body.en : entry.body.zh}`;
  }
}

/** Everything the filter matches in an item: its code and every text of its body. */
export function itemSearchText(entry: ReferenceEntry): string {
  const texts: string[] = [entry.code];
  for (const value of Object.values(entry.body as Record<string, unknown>)) {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) texts.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return texts.join(' ').toLowerCase();
}
