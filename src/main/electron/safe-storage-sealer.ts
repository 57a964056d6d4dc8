import { safeStorage } from 'electron';
import type { KeySealer } from '../store/sealed-key';

/** The cache key sealed by the OS keystore through Electron's asynchronous safeStorage API. */
export const safeStorageSealer: KeySealer = {
  async strength() {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
    // Only Linux reports a backend; 'basic_text' is Chromium's built-in key, the same in every copy.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'built_in_only';
    return 'keystore';
  },
  seal: (secret) => safeStorage.encryptStringAsync(secret),
  async unseal(sealed) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
    return { secret: result, reseal: shouldReEncrypt };
  },
};
