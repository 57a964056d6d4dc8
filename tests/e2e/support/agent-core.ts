import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, openCore, ownerOnlyCacheKey } from '../../../src/main/core';
import { serverUrl } from './central-server';

/**
 * Another agent's workstation beside the page: a real workstation core in the test's process, with
 * its own cache, syncing with the E2E centre. `close` shuts it and removes its cache.
 */
export function agentWorkstation(code: string): { core: Core; close: () => Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hotline-e2e-${code.toLowerCase()}-`));
  const core = openCore({
    dataDir,
    cacheKey: ownerOnlyCacheKey(dataDir),
    host: 'web',
    version: 'e2e',
    workstationCode: code,
    serverUrl,
    syncPollMs: 1000,
  });
  const close = async () => {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { core, close };
}
