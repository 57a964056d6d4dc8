import { describe, expect, it } from 'vitest';
import { formatProvisionalNumber, provisionalNumberSchema, randomWorkstationCode, workstationCodeSchema } from './provisional-number';

describe('provisional numbers', () => {
  it('joins the workstation code and a zero-padded sequence', () => {
    expect(formatProvisionalNumber('K7Q2', 42)).toBe('K7Q2-000042');
    expect(formatProvisionalNumber('K7Q2', 1234567)).toBe('K7Q2-1234567');
    expect(provisionalNumberSchema.safeParse('K7Q2-1234567').success).toBe(true);
  });

  it('refuses sequences that are not positive integers', () => {
    expect(() => formatProvisionalNumber('K7Q2', 0)).toThrow(RangeError);
    expect(() => formatProvisionalNumber('K7Q2', 1.5)).toThrow(RangeError);
  });

  it('makes codes without characters that are misheard on the phone', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const codes = Array.from({ length: 500 }, () => randomWorkstationCode(random));
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
      expect(workstationCodeSchema.safeParse(code).success).toBe(true);
    }
    expect(new Set(codes).size).toBeGreaterThan(400);
    expect(workstationCodeSchema.safeParse('O1IL').success).toBe(false);
  });
});
