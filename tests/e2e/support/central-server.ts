import { serverPort } from '../../../playwright.config';
import { demoPassword } from '../../../src/server/seed/demo-password';

/** The E2E run's central server, reached directly (not through the workstation's proxy). */
export const serverUrl = `http://127.0.0.1:${serverPort}/`;

/** One JSON request to the central server; anything but 2xx fails the test with the answer. */
export async function server<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, serverUrl), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A session token for a demo user. */
export const login = async (username: string) =>
  (await server<{ token: string }>('POST', '/api/auth/login', { username, password: demoPassword })).token;
