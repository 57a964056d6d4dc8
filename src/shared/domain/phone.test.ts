import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneKey } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['13800138000', '13800138000', 'mobile'],
    ['138 0013 8000', '13800138000', 'mobile'],
    ['138-0013-8000', '13800138000', 'mobile'],
    ['+86 138 0013 8000', '13800138000', 'mobile'],
    ['+8613800138000', '13800138000', 'mobile'],
    ['008613800138000', '13800138000', 'mobile'],
    ['8613800138000', '13800138000', 'mobile'],
    ['010-65123456', '01065123456', 'landline'],
    ['(010) 6512 3456', '01065123456', 'landline'],
    ['65123456', '01065123456', 'landline'],
    ['6512345', '0106512345', 'landline'],
    ['+86 10 6512 3456', '01065123456', 'landline'],
    ['0086-10-65123456', '01065123456', 'landline'],
    ['021-12345678', '02112345678', 'landline'],
    ['0755 8888 9999', '075588889999', 'landline'],
    ['010-65123456 转 8021', '01065123456', 'landline'],
    ['010-65123456#8021', '01065123456', 'landline'],
    ['12345', '12345', 'other'],
  ] as const)('%s → %s (%s)', (raw, key, kind) => {
    expect(normalisePhone(raw)).toEqual({ key, kind });
  });

  it('uses the given area code for a local number', () => {
    expect(normalisePhone('88889999', '021')).toEqual({ key: '02188889999', kind: 'landline' });
  });

  it.each(['', 'abc', '王先生', '+1 415 555 0100', '13800138000abc', '12', '1+3800138000'])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('gives the same key to every way of writing one number', () => {
    const keys = new Set(['13912345678', '+86 139 1234 5678', '0086 139-1234-5678', '139 1234 5678'].map(phoneKey));
    expect([...keys]).toEqual(['13912345678']);
  });
});

describe('formatPhone', () => {
  it('groups mobiles 3-4-4 and landlines by area code', () => {
    expect(formatPhone('13800138000')).toBe('138 0013 8000');
    expect(formatPhone('01065123456')).toBe('010-6512 3456');
    expect(formatPhone('075588889999')).toBe('0755-8888 9999');
    expect(formatPhone('12345')).toBe('12345');
  });
});
