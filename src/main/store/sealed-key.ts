import fs from 'node:fs';
import { z } from 'zod';
import { type CacheKey, CacheKeyError, newCacheKey, parseCacheKey, refuseOrphanCache, sealedKeyFile, writeKeyFile } from './cache-key';

/**
 * What protects the sealed key. Electron's safeStorage is the real one (electron/safe-storage-sealer.ts);
 * it cannot run outside Electron, so the flow below is plain Node and tested with a stand-in.
 */
export interface KeySealer {
  /**
   * `keystore`: the OS keeps the sealing key (DPAPI, Keychain, a Linux keyring).
   * `built_in_only`: Linux without a keyring, where Chromium falls back to a key compiled into
   * every copy of the program; sealing then hides the key from nobody.
   */
  strength(): Promise<'keystore' | 'built_in_only' | 'unavailable'>;
  seal(secret: string): Promise<Buffer>;
  /** `reseal`: the OS rotated its key; seal the secret again so the next start uses the new one. */
  unseal(sealed: Buffer): Promise<{ secret: string; reseal: boolean }>;
}

/** The machine's administrator decides, not the agent: the file lives where only root writes. */
export const defaultPolicyFile = '/etc/hotline-workstation/policy.json';

const policySchema = z.strictObject({
  /** Lets the workstation keep citizens' data on a Linux desktop without a keyring. */
  allowBuiltInKeyStore: z.boolean().default(false),
});
export type KeyPolicy = z.infer<typeof policySchema>;

export function readKeyPolicy(file: string = defaultPolicyFile): KeyPolicy {
  if (!fs.existsSync(file)) return policySchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CacheKeyError(
      `The workstation policy ${file} is not valid JSON (${(error as Error).message}). Ask an administrator to fix it.`,
    );
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    throw new CacheKeyError(
      `The workstation policy ${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}.`,
    );
  }
  return parsed.data;
}

/** Electron's key: unsealed from `cache.key.sealed`, or made and sealed on first start. */
export async function loadSealedKey(
  dataDir: string,
  cacheFile: string,
  cacheEncrypted: boolean,
  sealer: KeySealer,
  policy: KeyPolicy,
): Promise<CacheKey> {
  const strength = await sealer.strength();
  if (strength === 'unavailable') {
    throw new CacheKeyError(
      'The operating system keystore is not available, so the cache key cannot be unsealed. Sign in to the desktop session and start again.',
    );
  }
  if (strength === 'built_in_only' && !policy.allowBuiltInKeyStore) {
    throw new CacheKeyError(
      'This Linux desktop has no keyring (GNOME Keyring or KWallet), so the cache key could only be hidden behind a key built into the program. ' +
        `The workstation does not store citizens' data that way. Start a keyring, or ask an administrator to set "allowBuiltInKeyStore": true in ${defaultPolicyFile}.`,
    );
  }
  const file = sealedKeyFile(dataDir);
  if (fs.existsSync(file)) {
    let opened: { secret: string; reseal: boolean };
    try {
      opened = await sealer.unseal(fs.readFileSync(file));
    } catch (error) {
      throw new CacheKeyError(
        `The cache key ${file} cannot be unsealed by this user's keystore (${(error as Error).message}). Was the cache copied from another account?`,
      );
    }
    const key = parseCacheKey(opened.secret, file);
    if (opened.reseal) writeKeyFile(file, await sealer.seal(opened.secret));
    return key;
  }
  refuseOrphanCache(cacheFile, file, cacheEncrypted);
  const key = newCacheKey();
  writeKeyFile(file, await sealer.seal(key.toString('hex')));
  return key;
}
