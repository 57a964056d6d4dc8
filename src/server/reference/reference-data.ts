import divisions from '../../../resources/reference/beijing-divisions.json';
import { requestTypes } from '../../shared/domain/ticket';
import type { ReferenceEntry } from '../../shared/domain/reference';
import { articles } from './catalogue/articles';
import { categoryGroups } from './catalogue/categories';
import { requestTypeNames } from './catalogue/request-types';
import { slaPolicies } from './catalogue/sla';
import { municipalUnits, streetOfficeName } from './catalogue/units';
import { wrapUpCodes } from './catalogue/wrapup-codes';
import { switchQueues } from './catalogue/queues';
import { breakReasons } from './catalogue/break-reasons';
import { spellings } from './spellings';

/** A reference item to write: its body typed by its kind, and checked again when written. */
export type ReferenceDraft = ReferenceEntry;

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every reference item the centre starts with, derived from the catalogue and the division list. */
export function defaultReferenceData(): ReferenceDraft[] {
  const items: ReferenceDraft[] = [];
  const districtName = new Map(divisions.districts.map((d) => [d.code, d.name]));

  for (const type of requestTypes) items.push({ kind: 'requestType', code: type, body: { ...requestTypeNames[type] } });

  for (const group of categoryGroups) {
    items.push({ kind: 'category', code: group.code, body: { zh: group.zh, en: group.en, parent: null, ...spellings(group.zh) } });
    for (const [code, zh, en, sla, route, keywords] of group.leaves) {
      items.push({ kind: 'category', code, body: { zh, en, parent: group.code, sla, keywords: keywords.split(' '), ...spellings(zh) } });
      items.push({ kind: 'routingRule', code: `${code}@*`, body: { category: code, districtCode: null, target: route } });
    }
  }

  for (const [code, policy] of Object.entries(slaPolicies)) items.push({ kind: 'slaPolicy', code, body: { ...policy } });

  for (const district of divisions.districts) {
    const s = spellings(district.name);
    items.push({ kind: 'district', code: district.code, body: { zh: district.name, en: `${titleCase(s.pinyin)} District`, ...s } });
    items.push({
      kind: 'unit',
      code: `district:${district.code}`,
      body: {
        zh: `${district.name}人民政府`,
        en: `${titleCase(s.pinyin)} District Government`,
        type: 'district',
        districtCode: district.code,
      },
    });
  }
  for (const street of divisions.streets) {
    const s = spellings(street.name);
    const office = streetOfficeName(street.name);
    items.push({
      kind: 'street',
      code: street.code,
      body: {
        zh: street.name,
        en: titleCase(s.pinyin),
        districtCode: street.districtCode,
        district: districtName.get(street.districtCode),
        ...s,
      },
    });
    items.push({
      kind: 'unit',
      code: `street:${street.code}`,
      body: {
        zh: office.zh,
        en: `${titleCase(s.pinyin)} ${office.kind} office`,
        type: office.kind,
        districtCode: street.districtCode,
        streetCode: street.code,
      },
    });
  }
  for (const [code, zh, en] of municipalUnits) {
    items.push({ kind: 'unit', code, body: { zh, en, type: code.startsWith('company:') ? 'company' : 'department' } });
  }
  for (const article of articles) {
    const { code, ...body } = article;
    items.push({ kind: 'article', code, body: { ...body } });
  }
  wrapUpCodes.forEach(({ code, ...body }, order) => items.push({ kind: 'wrapup', code, body: { ...body, order: order + 1 } }));
  for (const { code, zh, en } of switchQueues) items.push({ kind: 'queue', code, body: { zh, en } });
  breakReasons.forEach(({ code, zh, en }, order) => items.push({ kind: 'breakReason', code, body: { zh, en, order: order + 1 } }));
  return items;
}
