import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * log2 of scrypt's N for new hashes. OWASP's minimum (2^17, r=8, p=1) costs ~128 MiB and half a
 * second of a core per hash, which is fine for an agent's sign-in a shift; the test suite signs in
 * thousands of times and sets 14: the same scrypt at an eighth of the memory and work.
 */
function passwordCost(value = process.env.PASSWORD_COST): number {
  if (value === undefined || value === '') return 17;
  const cost = Number(value);
  if (!Number.isInteger(cost) || cost < 14 || cost > 20)
    throw new Error(`PASSWORD_COST must be a whole number from 14 to 20 (log2 of scrypt's N); it is "${value}".`);
  return cost;
}

const params = { N: 2 ** passwordCost(), r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const keyLength = 32;

/**
 * How many hashes run at once (each takes ~128 MiB and a thread-pool thread) and how many sign-ins
 * may wait for one; beyond that the server answers 503 at once rather than let connections hang.
 */
export const passwordWork = { concurrency: 2, maxWaiting: 8 };

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** `scrypt$N$r$p$salt$hash`, base64url: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: params.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Verified against when the username is unknown, so a miss costs as long as a wrong password. */
export const decoyHash = await hashPassword(randomBytes(12).toString('hex'));
