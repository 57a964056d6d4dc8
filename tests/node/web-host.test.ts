import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import { wsPath } from '../../src/shared/contract/wire';
import { dbState } from '../support/db-state';
import { badTicketInputs, intakeFields } from '../support/fixtures';
import { tempDir } from '../support/temp-dir';
import { signInHere } from '../support/sign-in';
import { WsTestClient } from '../support/ws-client';

let core: Core;
let host: WebHost;
let clients: WsTestClient[] = [];

async function start() {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'K7Q2' });
  await signInHere(core);
  host = await startWebHost({ core, port: 0, staticDir, log: { error: () => {}, warn: () => {}, info: () => {} } });
}
async function client(origin?: string) {
  const c = await WsTestClient.connect(host.url, origin);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await host?.close();
  core?.close();
});

describe('browser host over real HTTP and WebSocket', () => {
  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    await start();
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(new URL('/assets/app.js', host.url))).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', host.url))).status).toBe(404);
    expect((await fetch(new URL('/missing.js', host.url))).status).toBe(404);
    expect((await fetch(host.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('answers contract calls and pushes events to every client', async () => {
    await start();
    const agent = await client();
    const wallboard = await client();
    const result = await agent.call('tickets.create', { fields: intakeFields });
    expect(result).toMatchObject({ ok: true, value: { provisionalNo: 'K7Q2-000001' } });
    const pushed = await wallboard.next((m) => m.type === 'event' && m.event === 'sync.status');
    expect(pushed).toMatchObject({ payload: { outboxSize: 1 } });
  });

  it.each(badTicketInputs)('refuses $name with a typed error and writes nothing', async ({ input }) => {
    await start();
    const agent = await client();
    const before = dbState(core.db);
    expect(await agent.call('tickets.create', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dbState(core.db)).toEqual(before);
  });

  it('answers unreadable frames with an error, keeps the socket, and writes nothing', async () => {
    await start();
    const agent = await client();
    const before = dbState(core.db);
    const frames = [
      'not json',
      '{"type":"invoke"}',
      '[]',
      'null',
      JSON.stringify({ type: 'invoke', id: -1, call: 'app.info', input: {} }),
      '{"__proto__":{"ok":true}}',
    ];
    for (const frame of frames) {
      agent.sendRaw(frame);
      expect(await agent.next((m) => m.type === 'error')).toMatchObject({ result: { ok: false, error: { code: 'invalid_request' } } });
    }
    agent.sendRaw(Buffer.from([0xff, 0xfe, 0x00]));
    expect(await agent.next((m) => m.type === 'error')).toMatchObject({ result: { ok: false } });
    expect(await agent.call('app.info', {})).toMatchObject({ ok: true, value: { workstationCode: 'K7Q2', host: 'web' } });
    expect(dbState(core.db)).toEqual(before);
  });

  it('closes the socket on a frame over 1 MiB', async () => {
    await start();
    const agent = await client();
    const closed = new Promise<number>((resolve) => agent.ws.once('close', (code) => resolve(code)));
    agent.sendRaw(JSON.stringify({ type: 'invoke', id: 1, call: 'drafts.save', input: { body: 'x'.repeat(1_100_000) } }));
    expect(await closed).toBe(1009);
  });

  it('refuses WebSocket upgrades from another origin or path', async () => {
    await start();
    await expect(WsTestClient.connect(host.url, 'https://evil.example')).rejects.toThrow(/403/);
    const wrongPath = new WebSocket(new URL('/other', host.url.replace('http', 'ws')), { origin: new URL(host.url).origin });
    await expect(
      new Promise((resolve, reject) => {
        wrongPath.once('open', resolve);
        wrongPath.once('error', reject);
      }),
    ).rejects.toThrow(/403/);
    expect(wsPath).toBe('/api/ws');
  });
});
