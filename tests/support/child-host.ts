import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ChildProcessHandle {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  kill(): Promise<void>;
}

/**
 * Runs one of our TypeScript entry points as a separate Node process and waits until it prints
 * the URL it serves (`ready` captures it).
 */
export async function startChildProcess(script: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcessHandle> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Still starting, it would take the port the next attempt is given.
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** The browser host (`src/main/web/index.ts`) on a free port. */
export const startChildHost = (dataDir: string, env: Record<string, string> = {}) =>
  startChildProcess(
    'src/main/web/index.ts',
    { HOTLINE_WEB_PORT: '0', HOTLINE_DATA_DIR: dataDir, ...env },
    /on (http:\/\/127\.0\.0\.1:\d+\/)/,
  );

/** A central server process on an existing PostgreSQL database; on a free port unless given one. */
export const startChildServer = (databaseUrl: string, options: { port?: number; logLevel?: string } = {}) =>
  startChildProcess(
    'src/server/main.ts',
    { DATABASE_URL: databaseUrl, PORT: String(options.port ?? 0), SEED_DEMO: 'no', LOG_LEVEL: options.logLevel ?? 'warn' },
    /central server on (http:\/\/127\.0\.0\.1:\d+\/)/,
  );
