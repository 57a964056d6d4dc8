import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The cache is encrypted at rest with a random 256-bit key made on first start. The key never
 * lies next to the cache in the clear where an OS keystore exists: Electron seals it with
 * safeStorage (`sealed-key-file.ts`); the browser host, which has no keystore, keeps it in a file
 * only its owner may read, like an SSH private key.
 */
export type CacheKey = Buffer;

export class CacheKeyError extends Error {
  override readonly name = 'CacheKeyError';
}

const keyBytes = 32;
const hexKey = /^[0-9a-f]{64}$/;

export const ownerOnlyKeyFile = (dataDir: string): string => path.join(dataDir, 'cache.key');
export const sealedKeyFile = (dataDir: string): string => path.join(dataDir, 'cache.key.sealed');

export const newCacheKey = (): CacheKey => randomBytes(keyBytes);

export function parseCacheKey(text: string, source: string): CacheKey {
  const hex = text.trim().toLowerCase();
  if (!hexKey.test(hex)) throw new CacheKeyError(`${source} does not hold a cache key (64 hexadecimal digits). Restore it from backup.`);
  return Buffer.from(hex, 'hex');
}

/**
 * A cache that exists without its key can never be read again; making a new key would hide that
 * and start an empty cache over the agent's unsent work, so say it plainly instead.
 */
export function refuseOrphanCache(cacheFile: string, keyFile: string, encrypted: boolean): void {
  if (encrypted && fs.existsSync(cacheFile)) {
    throw new CacheKeyError(
      `The cache ${cacheFile} is encrypted but its key ${keyFile} is missing. Restore the key file; ` +
        `or, to give up the unsent changes in it, move the cache aside and start again.`,
    );
  }
}

/** Writes a new key file that nothing else can have half-read: owner-only, flushed, then renamed in. */
export function writeKeyFile(file: string, content: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true }); // left by a crash between open and rename
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** Refuses a key file that other users could read or that belongs to someone else. */
function checkOwnerOnly(file: string): void {
  if (process.platform === 'win32') return; // POSIX modes do not apply; the data dir's ACL does
  const stat = fs.statSync(file);
  if ((stat.mode & 0o077) !== 0) {
    throw new CacheKeyError(`The cache key ${file} can be read by other users. Run: chmod 600 "${file}"`);
  }
  if (process.getuid && stat.uid !== process.getuid()) {
    throw new CacheKeyError(`The cache key ${file} belongs to another user; run the workstation as its owner.`);
  }
}

/**
 * The browser host's key: read from `cache.key` (owner-only), or made on first start.
 * `cacheEncrypted` says whether an existing cache file is already encrypted (a plaintext cache
 * from before encryption is encrypted with the new key when it is opened).
 */
export function loadOwnerOnlyKey(dataDir: string, cacheFile: string, cacheEncrypted: boolean): CacheKey {
  const file = ownerOnlyKeyFile(dataDir);
  if (fs.existsSync(file)) {
    checkOwnerOnly(file);
    return parseCacheKey(fs.readFileSync(file, 'utf8'), file);
  }
  refuseOrphanCache(cacheFile, file, cacheEncrypted);
  const key = newCacheKey();
  writeKeyFile(file, Buffer.from(key.toString('hex')));
  return key;
}
