import type { Refusal } from './refusal';

/**
 * Who handles a ticket: a routing rule names a target — the street/township office of the address,
 * the district government, or a fixed unit — and this resolves it for one address.
 * An owner that cannot be determined falls back to the district government.
 */
export type RouteTarget = 'street' | 'district' | string;

export interface Jurisdiction {
  districtCode?: string | undefined;
  streetCode?: string | undefined;
}

export type Resolution =
  { ok: true; unitCode: string; why: 'street' | 'district' | 'fixed' | 'fallback-district' } | { ok: false; refusal: Refusal };

export function resolveRoute(target: RouteTarget, where: Jurisdiction): Resolution {
  if (target === 'street') {
    if (where.streetCode) return { ok: true, unitCode: `street:${where.streetCode}`, why: 'street' };
    if (where.districtCode) return { ok: true, unitCode: `district:${where.districtCode}`, why: 'fallback-district' };
    return { ok: false, refusal: { code: 'no_jurisdiction', params: { target: 'street' } } };
  }
  if (target === 'district') {
    if (where.districtCode) return { ok: true, unitCode: `district:${where.districtCode}`, why: 'district' };
    return { ok: false, refusal: { code: 'no_jurisdiction', params: { target: 'district' } } };
  }
  return { ok: true, unitCode: target, why: 'fixed' };
}
