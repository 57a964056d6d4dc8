import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, databaseFile, openCore, ownerOnlyCacheKey, sealedCacheKey } from '../../src/main/core';
import { CacheKeyError, ownerOnlyKeyFile, sealedKeyFile } from '../../src/main/store/cache-key';
import { cacheIsEncrypted, openDatabase } from '../../src/main/store/database';
import { type KeySealer, readKeyPolicy } from '../../src/main/store/sealed-key';
import { intakeFields } from '../support/fixtures';
import { tempDir } from '../support/temp-dir';
import { signInHere } from '../support/sign-in';

const phone = '13912345678'; // the fixture's caller (checked below)
const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

function coreIn(dataDir: string): Core {
  const core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: 'test', workstationCode: 'K7Q2' });
  opened.push(core);
  return core;
}

/** Every spelling of the citizen's data a file could hold: UTF-8, UTF-16 (SQLite's other text encoding), spaced. */
const needles = [phone, '139 1234 5678', '王女士', '劲松三区'].flatMap((text) =>
  (['utf8', 'utf16le'] as const).map((encoding) => ({ label: `${text} (${encoding})`, bytes: Buffer.from(text, encoding) })),
);

/** The files of the cache as they lie on disk (the database, its WAL and shared memory), and what of the citizen they show. */
function tracesIn(dataDir: string): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(dataDir)) {
    const bytes = fs.readFileSync(path.join(dataDir, name));
    for (const needle of needles) if (bytes.includes(needle.bytes)) found.push(`${name}: ${needle.label}`);
  }
  return found;
}

async function registerTicket(core: Core): Promise<string> {
  await signInHere(core);
  const result = await core.dispatch('tickets.create', { fields: intakeFields });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: string }).id;
}

describe('the encrypted cache', () => {
  it('leaves no trace of a known phone number, name or address in any of its files', async () => {
    expect(intakeFields).toMatchObject({ callerPhone: phone, callerName: '王女士' });
    const dataDir = tempDir();
    const core = coreIn(dataDir);
    const id = await registerTicket(core);
    const draft = await core.dispatch('drafts.save', {
      id: '0192f0a0-0000-7000-8000-000000000001',
      kind: 'intake',
      body: { ...intakeFields },
    });
    expect(draft.ok).toBe(true);
    // While it runs, the change is still in the WAL; afterwards it is in the database file.
    expect(fs.readdirSync(dataDir)).toEqual(expect.arrayContaining(['workstation.sqlite3', 'workstation.sqlite3-wal']));
    expect(tracesIn(dataDir)).toEqual([]);
    await opened.pop()!.close();
    expect(tracesIn(dataDir)).toEqual([]);
    expect(cacheIsEncrypted(databaseFile(dataDir))).toBe(true);

    // The same key opens it again, and the ticket is there.
    const again = coreIn(dataDir);
    expect(again.db.prepare(`SELECT id FROM tickets WHERE id = ?`).get(id)).toEqual({ id });
  });

  it('is what makes the difference: a plaintext SQLite file with the same row shows the number', () => {
    const dataDir = tempDir();
    const plain = new Database(path.join(dataDir, 'plain.sqlite3'));
    plain.exec(`CREATE TABLE t (phone TEXT)`);
    plain.prepare(`INSERT INTO t VALUES (?)`).run(phone);
    plain.close();
    expect(tracesIn(dataDir)).toEqual([`plain.sqlite3: ${phone} (utf8)`]);
  });

  it('encrypts a cache written before encryption, keeping its tickets', async () => {
    const dataDir = tempDir();
    const file = databaseFile(dataDir);
    const plain = new Database(file);
    plain.exec(`CREATE TABLE legacy (phone TEXT)`);
    plain.prepare(`INSERT INTO legacy VALUES (?)`).run(phone);
    plain.close();
    expect(cacheIsEncrypted(file)).toBe(false);

    const core = coreIn(dataDir);
    expect(core.db.prepare(`SELECT phone FROM legacy`).all()).toEqual([{ phone }]);
    await opened.pop()!.close();
    expect(cacheIsEncrypted(file)).toBe(true);
    expect(tracesIn(dataDir)).toEqual([]);
  });

  it('refuses a wrong key with a clear error and leaves the file as it was', async () => {
    const dataDir = tempDir();
    await registerTicket(coreIn(dataDir));
    await opened.pop()!.close();
    const file = databaseFile(dataDir);
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, randomBytes(32))).toThrow(/cannot be decrypted with this workstation's key/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the browser host key owner-only, and refuses one others can read', () => {
    const dataDir = tempDir();
    const key = ownerOnlyCacheKey(dataDir);
    const keyFile = ownerOnlyKeyFile(dataDir);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(ownerOnlyCacheKey(dataDir).equals(key)).toBe(true);

    fs.chmodSync(keyFile, 0o644);
    expect(() => ownerOnlyCacheKey(dataDir)).toThrow(/can be read by other users\. Run: chmod 600/);
    fs.chmodSync(keyFile, 0o600);
    fs.writeFileSync(keyFile, 'not a key', { mode: 0o600 });
    expect(() => ownerOnlyCacheKey(dataDir)).toThrow(CacheKeyError);
  });

  it('will not make a new key over an encrypted cache whose key is gone', async () => {
    const dataDir = tempDir();
    await registerTicket(coreIn(dataDir));
    await opened.pop()!.close();
    fs.rmSync(ownerOnlyKeyFile(dataDir));
    expect(() => ownerOnlyCacheKey(dataDir)).toThrow(/is encrypted but its key .* is missing/);
    expect(fs.existsSync(ownerOnlyKeyFile(dataDir))).toBe(false);
  });
});

/**
 * Stands in for Electron's safeStorage, which cannot start on these machines: AES-GCM under a key
 * of its own, so a sealed file really is unreadable without it.
 */
function standInKeystore(strength: Awaited<ReturnType<KeySealer['strength']>> = 'keystore') {
  const osKey = randomBytes(32);
  const calls = { seal: 0 };
  let rotated = false;
  const sealer: KeySealer = {
    strength: async () => strength,
    seal: async (secret) => {
      calls.seal += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unseal: async (sealed) => {
      const decipher = createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      const secret = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
      return { secret, reseal: rotated };
    },
  };
  return { sealer, calls, rotate: () => (rotated = true) };
}

describe('the sealed key (Electron)', () => {
  const allow = { allowBuiltInKeyStore: false };

  it('is made once, stored only sealed, and unsealed on the next start', async () => {
    const dataDir = tempDir();
    const { sealer, calls, rotate } = standInKeystore();
    const key = await sealedCacheKey(dataDir, sealer, allow);
    const sealed = fs.readFileSync(sealedKeyFile(dataDir));
    expect(sealed.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(fs.existsSync(ownerOnlyKeyFile(dataDir))).toBe(false);
    expect((await sealedCacheKey(dataDir, sealer, allow)).equals(key)).toBe(true);
    expect(calls.seal).toBe(1);

    rotate(); // the OS rotated its key: the same cache key is sealed again
    expect((await sealedCacheKey(dataDir, sealer, allow)).equals(key)).toBe(true);
    expect(calls.seal).toBe(2);
    expect(fs.readFileSync(sealedKeyFile(dataDir)).equals(sealed)).toBe(false);
  });

  it('refuses to store citizen data behind Linux’s built-in key unless the administrator allows it', async () => {
    const dataDir = tempDir();
    const { sealer } = standInKeystore('built_in_only');
    await expect(sealedCacheKey(dataDir, sealer, allow)).rejects.toThrow(/no keyring .* "allowBuiltInKeyStore": true/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    await expect(sealedCacheKey(dataDir, sealer, { allowBuiltInKeyStore: true })).resolves.toHaveLength(32);
  });

  it('stops when the keystore is not available at all, and when another account sealed the key', async () => {
    const dataDir = tempDir();
    await expect(sealedCacheKey(dataDir, standInKeystore('unavailable').sealer, allow)).rejects.toThrow(/keystore is not available/);
    await sealedCacheKey(dataDir, standInKeystore().sealer, allow);
    await expect(sealedCacheKey(dataDir, standInKeystore().sealer, allow)).rejects.toThrow(/cannot be unsealed by this user's keystore/);
  });

  it('reads the administrator policy, refusing a malformed one with its reason', () => {
    const dir = tempDir();
    const file = path.join(dir, 'policy.json');
    expect(readKeyPolicy(file)).toEqual({ allowBuiltInKeyStore: false });
    fs.writeFileSync(file, JSON.stringify({ allowBuiltInKeyStore: true }));
    expect(readKeyPolicy(file)).toEqual({ allowBuiltInKeyStore: true });
    fs.writeFileSync(file, JSON.stringify({ allowBuiltInKeyStore: 'yes' }));
    expect(() => readKeyPolicy(file)).toThrow(/allowBuiltInKeyStore/);
    fs.writeFileSync(file, '{');
    expect(() => readKeyPolicy(file)).toThrow(/not valid JSON/);
  });
});
