import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../tests/support/postgres-cluster';
import { startScript } from './server-calls';

const root = path.join(import.meta.dirname, '..', '..');

/**
 * The central server as it runs in production: its own process on PostgreSQL (so it has a core of
 * its own, as it would have a machine), started with `src/server/main.ts`. No demo seed.
 */
export async function startCentralServer(databaseUrl: string): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const { child } = await startScript(
    path.join(root, 'src/server/main.ts'),
    { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'no', LOG_LEVEL: 'warn' },
    /Hotline central server on/,
  );
  return {
    url: `http://127.0.0.1:${port}/`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
