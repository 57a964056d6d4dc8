import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createSession } from '../../src/server/auth/sessions';
import type { Database } from '../../src/server/db/database';

/** POSTs JSON to the server (with a session token when given); anything but 2xx stops the bench with the answer. */
export async function postJson<T>(serverUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A session token for a seeded user, made in the database: the bench times no logins. */
export async function sessionFor(db: Database, username: string, workstationId?: string): Promise<string> {
  const [user] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
  if (!user) throw new Error(`no user ${username} to sign in`);
  return (await createSession(db, user.id, 12, workstationId)).token;
}

/**
 * A Node script in its own process (as it runs in production: a core of its own), resolved with
 * the first line of its output that matches `ready`.
 */
export function startScript(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready: ${out}`)));
  });
}
