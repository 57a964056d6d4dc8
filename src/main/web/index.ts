/**
 * `npm run web`: the workstation core under plain Node, serving the built renderer to a browser.
 *   HOTLINE_WEB_PORT  port on 127.0.0.1 (default 12345; 0 picks a free one)
 *   HOTLINE_DATA_DIR  folder of the SQLite cache (default ./data/web)
 *   HOTLINE_SERVER_URL the central server (default: none, the workstation works alone)
 *   HOTLINE_CACHE_DAYS, HOTLINE_CALLER_INDEX_DAYS, HOTLINE_LOCK_MINUTES  cache scope, screen lock (host-env.ts)
 */
import path from 'node:path';
import { appRoot, appVersion } from '../app-paths';
import { cacheScopeFromEnv, lockMinutesFromEnv } from '../host-env';
import { openCore, ownerOnlyCacheKey } from '../core';
import { startWebHost } from './web-host';

export const defaultWebPort = 12345;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return defaultWebPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`HOTLINE_WEB_PORT must be a port number from 0 to 65535, got "${raw}".`);
  }
  return port;
}

async function main() {
  const root = appRoot();
  const port = parsePort(process.env.HOTLINE_WEB_PORT);
  const dataDir = path.resolve(process.env.HOTLINE_DATA_DIR ?? path.join(root, 'data', 'web'));
  const core = openCore({
    dataDir,
    cacheKey: ownerOnlyCacheKey(dataDir),
    host: 'web',
    version: appVersion(root),
    workstationCode: process.env.HOTLINE_WORKSTATION_CODE,
    serverUrl: process.env.HOTLINE_SERVER_URL || undefined,
    cacheScope: cacheScopeFromEnv(),
    lockAfterMinutes: lockMinutesFromEnv(),
  });
  const host = await startWebHost({ core, port, staticDir: path.join(root, 'out', 'renderer') });
  console.log(`Hotline Workstation (browser host) on ${host.url}  data: ${dataDir}`);

  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
