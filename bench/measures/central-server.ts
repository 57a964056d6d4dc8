import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../tests/support/postgres-cluster';

const root = path.join(import.meta.dirname, '..', '..');

/**
 * The central server as it runs in production: its own process on PostgreSQL (so it has a core of
 * its own, as it would have a machine), started with `src/server/main.ts`. No demo seed.
 */
export async function startCentralServer(databaseUrl: string): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'no', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Hotline central server on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the central server exited (${code}) before listening: ${out}`)));
  });
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
