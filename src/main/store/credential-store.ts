import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type User, userSchema } from '../../shared/server-api/auth';
import type { Db } from './database';
import { readSetting, writeSetting } from './settings-store';

/**
 * What lets an agent sign in, or unlock the screen, while the server is down: a salted scrypt
 * verifier of the password last accepted by the server on this workstation, per user. Never the
 * password, never a token. It lives in the encrypted cache; a password changed on the server
 * replaces it at the next online sign-in.
 */
const verifierSchema = z.strictObject({
  salt: z.string(),
  hash: z.string(),
  user: userSchema,
  verifiedAt: z.string(),
});

// OWASP's scrypt floor (N=2^17) costs about half a second and 128 MiB here; 2^15 keeps an unlock
// near a tenth of a second (measured: 0.11 s on the 2-core CI machine) at 32 MiB a guess.
const cost = { N: 1 << 15, r: 8, p: 1, maxmem: 64 << 20 };
const hashBytes = 32;

const keyOf = (username: string) => `auth.verifier.${username}`;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, hashBytes, cost, (error, hash) => (error ? reject(error) : resolve(hash))),
  );
}

export async function rememberVerifier(db: Db, user: User, password: string, now: Date): Promise<void> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt);
  writeSetting(
    db,
    keyOf(user.username),
    { salt: salt.toString('base64'), hash: hash.toString('base64'), user, verifiedAt: now.toISOString() },
    now.toISOString(),
  );
}

/** The user if the password matches the last one the server accepted here; `unknown` if none is kept. */
export async function checkVerifier(db: Db, username: string, password: string): Promise<User | 'wrong' | 'unknown'> {
  const stored = readSetting(db, keyOf(username), verifierSchema);
  if (!stored) return 'unknown';
  const hash = await derive(password, Buffer.from(stored.salt, 'base64'));
  return timingSafeEqual(hash, Buffer.from(stored.hash, 'base64')) ? stored.user : 'wrong';
}

export function forgetVerifier(db: Db, username: string): void {
  db.prepare(`DELETE FROM settings WHERE key = ?`).run(keyOf(username));
}

const attemptsSchema = z.strictObject({ count: z.number().int().positive(), until: z.number() });
const attemptsKey = (username: string) => `auth.attempts.${username}`;

/**
 * Guesses at a password checked here, where no server can lock the account: five wrong in a row
 * lock that user out on this workstation for five minutes. Kept in the cache, so restarting the
 * workstation between guesses buys nothing.
 */
export class LocalAttempts {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly limit = 5,
    private readonly lockMs = 5 * 60_000,
  ) {}

  /** Milliseconds until this user may try again, or 0. */
  waitFor(username: string): number {
    const entry = readSetting(this.db, attemptsKey(username), attemptsSchema);
    return entry && entry.count >= this.limit ? Math.max(0, entry.until - this.now().getTime()) : 0;
  }

  failed(username: string): void {
    const at = this.now();
    const entry = readSetting(this.db, attemptsKey(username), attemptsSchema);
    const count = entry && entry.until > at.getTime() ? entry.count + 1 : 1;
    writeSetting(this.db, attemptsKey(username), { count, until: at.getTime() + this.lockMs }, at.toISOString());
  }

  succeeded(username: string): void {
    this.db.prepare(`DELETE FROM settings WHERE key = ?`).run(attemptsKey(username));
  }
}
