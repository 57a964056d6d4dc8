import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ChildHost {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  kill(): Promise<void>;
}

/** Starts the browser host (`src/main/web/index.ts`) as a separate Node process on a free port. */
export async function startChildHost(dataDir: string, env: Record<string, string> = {}): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main/web/index.ts')], {
    cwd: root,
    env: { ...process.env, HOTLINE_WEB_PORT: '0', HOTLINE_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
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
