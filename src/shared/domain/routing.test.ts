import { describe, expect, it } from 'vitest';
import { resolveRoute } from './routing';

describe('resolveRoute', () => {
  const full = { districtCode: '110105', streetCode: '110105017' };
  it('sends street targets to the street office, or the district when the street is unknown', () => {
    expect(resolveRoute('street', full)).toEqual({ ok: true, unitCode: 'street:110105017', why: 'street' });
    expect(resolveRoute('street', { districtCode: '110105' })).toEqual({ ok: true, unitCode: 'district:110105', why: 'fallback-district' });
  });
  it('sends district targets to the district government', () => {
    expect(resolveRoute('district', full)).toEqual({ ok: true, unitCode: 'district:110105', why: 'district' });
  });
  it('keeps fixed units whatever the address', () => {
    expect(resolveRoute('company:heating', {})).toEqual({ ok: true, unitCode: 'company:heating', why: 'fixed' });
  });
  it('says why it cannot route an address with no jurisdiction', () => {
    expect(resolveRoute('street', {})).toEqual({ ok: false, refusal: { code: 'no_jurisdiction', params: { target: 'street' } } });
    expect(resolveRoute('district', { streetCode: '110105017' })).toEqual({
      ok: false,
      refusal: { code: 'no_jurisdiction', params: { target: 'district' } },
    });
  });
});
