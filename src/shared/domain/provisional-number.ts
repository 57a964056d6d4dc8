import { z } from 'zod';

/**
 * A ticket made on a workstation gets a provisional number at once, so the agent can read it to
 * the caller even offline: the workstation's code plus its own sequence. The server keeps it as
 * an alias of the official number forever.
 */
// No 0/O, 1/I/L: the number is read aloud over the phone.
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const workstationCodeSchema = z
  .string()
  .regex(new RegExp(`^[${codeAlphabet}]{4}$`), 'must be 4 characters from 2-9 and A-Z without I, L, O');

export function randomWorkstationCode(random: () => number = Math.random): string {
  let code = '';
  for (let i = 0; i < 4; i++) code += codeAlphabet[Math.floor(random() * codeAlphabet.length)];
  return code;
}

export function formatProvisionalNumber(workstationCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  }
  return `${workstationCode}-${String(sequence).padStart(6, '0')}`;
}

export const provisionalNumberSchema = z.string().regex(new RegExp(`^[${codeAlphabet}]{4}-\\d{6,}$`), 'must look like K7Q2-000042');
