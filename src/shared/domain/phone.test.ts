import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPhone, normalisePhone, parsePhone, phoneCheck, phoneKey, phoneSearchDigits } from './phone';

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
    ['+86 10 6512 3456', '01065123456', 'landline'],
    ['0086-10-65123456', '01065123456', 'landline'],
    ['021-62345678', '02162345678', 'landline'],
    ['0871-6512345', '08716512345', 'landline'],
    ['+86 133 2394 3107', '13323943107', 'mobile'],
    ['0086-133-2394-3107', '13323943107', 'mobile'],
    ['0086 13323943107', '13323943107', 'mobile'],
    ['010-8303 2336', '01083032336', 'landline'],
    ['+86 10 8303 2336', '01083032336', 'landline'],
    ['+86 (0)10 8303 2336', '01083032336', 'landline'],
    ['+86 010 8303 2336', '01083032336', 'landline'],
    ['010.8303.2336', '01083032336', 'landline'],
    ['010—8303—2336', '01083032336', 'landline'],
    ['１３３ ２３９４ ３１０７', '13323943107', 'mobile'],
    ['＋８６　１３３２３９４３１０７', '13323943107', 'mobile'],
    ['（０１０）８３０３－２３３６', '01083032336', 'landline'],
    ['13323943107 ext. 12', '13323943107', 'mobile'],
    ['13323943107x12', '13323943107', 'mobile'],
    ['010-83032336 分机 12', '01083032336', 'landline'],
    ['10086', '10086', 'other'],
    ['110', '110', 'other'],
    ['95598', '95598', 'other'],
    ['400-810-8888', '4008108888', 'other'],
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

  it.each(['', 'abc', '王先生', '+1 415 555 0100', '13800138000abc', '12', '1+3800138000', '6512345', '021-12345678'])(
    'refuses %j',
    (raw) => {
      expect(normalisePhone(raw)).toBeNull();
    },
  );

  it('gives the same key to every way of writing one number', () => {
    const keys = new Set(['13912345678', '+86 139 1234 5678', '0086 139-1234-5678', '139 1234 5678'].map(phoneKey));
    expect([...keys]).toEqual(['13912345678']);
  });
});

describe('parsePhone', () => {
  it('keeps the extension apart from the key', () => {
    expect(parsePhone('010-6512 3456 转 8021')).toEqual({ ok: true, key: '01065123456', kind: 'landline', extension: '8021' });
    expect(parsePhone('１３８００１３８０００＃１２')).toEqual({ ok: true, key: '13800138000', kind: 'mobile', extension: '12' });
    expect(parsePhone('13800138000')).toEqual({ ok: true, key: '13800138000', kind: 'mobile', extension: null });
  });

  it.each([
    ['1332394310', 'mobile'],
    ['133239431070', 'mobile'],
    ['12345678901', 'mobile'],
    ['+86 133 2394 310', 'mobile'],
    ['133', 'mobile'],
    ['010-8303 233', 'landline'],
    ['010-8303 23361', 'landline'],
    ['8303233', 'landline'],
    ['021-1234 5678', 'landline'],
    ['0123-4567890', 'landline'],
    ['+86 10 8303 233', 'landline'],
    ['+1 415 555 0100', 'foreign'],
    ['+44 20 7946 0958', 'foreign'],
    ['王先生', 'characters'],
    ['138-0013-800O', 'characters'],
    ['', 'characters'],
    ['13800138000 转 abc', 'extension'],
    ['13800138000 转 1234567', 'extension'],
    ['13800138000#1#2', 'extension'],
  ] as const)('%j: %s', (raw, problem) => {
    expect(parsePhone(raw)).toEqual({ ok: false, problem });
  });

  it('is the check the schemas run, with a message saying what to type', () => {
    const schema = z.string().check(phoneCheck);
    expect(schema.safeParse('+86 133 2394 3107').success).toBe(true);
    expect(schema.safeParse('').success).toBe(true);
    const refused = schema.safeParse('1332394310');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('11 digits');
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['+86 133 2394 3107', '13323943107'],
    ['010-8303 2336', '01083032336'],
    ['8303 2336', '01083032336'],
    ['133 2394', '1332394'],
    ['+86 133 2394', '1332394'],
    ['0086 10 8303', '0108303'],
    ['+86 10 8303', '0108303'],
    ['１３３２', '1332'],
  ])('%j → %s', (query, digits) => {
    expect(phoneSearchDigits(query)).toBe(digits);
  });

  it.each(['暖气', 'K7Q2-000001', '133', 'gjj'])('%j is not a number to search for', (query) => {
    expect(phoneSearchDigits(query)).toBeNull();
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
