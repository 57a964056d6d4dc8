import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import { createWsTransport, type WsTransportOptions } from '../../src/renderer/src/api/ws-transport';
import type { LinkState } from '../../src/renderer/src/api/transport';
import { wsPath } from '../../src/shared/contract/wire';
import { envelopeSchema } from '../../src/shared/result';
import { intakeFields } from '../support/fixtures';
import { signInHere } from '../support/sign-in';
import { tcpRelay } from '../support/tcp-relay';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';

const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const ticketSchema = z.object({ id: z.string(), provisionalNo: z.string() });
const changedSchema = z.object({ event: z.literal('tickets.changed'), payload: z.object({ ids: z.array(z.string()) }) });

let core: Core;
let host: WebHost;
let staticDir: string;
const closing: (() => unknown)[] = [];

const portOf = (url: string) => Number(new URL(url).port);
const startHost = async (port = 0) => {
  host = await startWebHost({ core, port, staticDir, log: quiet });
  return host;
};

beforeEach(async () => {
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'WS7T' });
  await signInHere(core);
  await startHost();
});

afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await host.close();
  await core.close();
});

/** The transport as the page makes it, recording its link states and every pushed frame. */
function transport(port: number, options: WsTransportOptions = {}) {
  // The page comes from the web host, as in a browser: its origin is the one the host accepts (jsdom's own is fixed).
  const origin = new URL(host.url).origin;
  const link = createWsTransport(`ws://127.0.0.1:${port}${wsPath}`, { open: (url) => new WebSocket(url, { origin }), ...options });
  closing.push(() => link.close());
  const states: LinkState[] = [];
  link.onLinkState((state) => states.push(state));
  const frames: unknown[] = [];
  link.subscribe((frame) => frames.push(frame));
  const call = async (name: string, input: unknown = {}) => envelopeSchema.parse(await link.invoke(name, input));
  const create = async (description: string) => {
    const answer = await call('tickets.create', { fields: { ...intakeFields, description } });
    if (!answer.ok) throw new Error(`tickets.create: ${answer.error.code} ${answer.error.message}`);
    return ticketSchema.parse(answer.value);
  };
  /** How many times the change of this ticket was pushed to the page. */
  const pushes = (id: string) => frames.filter((frame) => changedSchema.safeParse(frame).data?.payload.ids.includes(id)).length;
  return { link, states, call, create, pushes };
}

const ticketsDescribed = (description: string) =>
  z.object({ n: z.number() }).parse(core.db.prepare(`SELECT count(*) AS n FROM tickets WHERE description = ?`).get(description)).n;

describe('the browser host transport over a real WebSocket', () => {
  it('comes back after the web host restarts, and a call made while it was down is answered once', async () => {
    const port = portOf(host.url);
    const page = transport(port);
    await until('open', () => page.link.linkState() === 'open');
    await host.close();
    await until('link lost', () => page.link.linkState() === 'closed');

    const whileDown = page.create('停电第一天');
    await startHost(port);
    const made = await whileDown;
    expect(made.provisionalNo).toMatch(/^WS7T-/);
    expect(page.link.linkState()).toBe('open');
    // One more round trip: every frame the host sent before it has arrived, so a second copy would be here.
    expect((await page.call('sync.status')).ok).toBe(true);
    expect(page.pushes(made.id)).toBe(1);
    expect(ticketsDescribed('停电第一天')).toBe(1);
    expect(page.states).toEqual(['open', 'closed', 'open']);
  });

  it('answers a call in flight when the host goes away with a clear failure, and a call while it stays away too', async () => {
    const port = portOf(host.url);
    const page = transport(port, { waitForLinkMs: 300 });
    await until('open', () => page.link.linkState() === 'open');
    const inFlight = page.call('tickets.create', { fields: intakeFields });
    await host.close();
    expect(await inFlight).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/lost before it answered/) },
    });

    expect(await page.call('sync.status')).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/not reachable/) },
    });
    await startHost(port);
    await until('open again', () => page.link.linkState() === 'open');
    expect((await page.call('sync.status')).ok).toBe(true);
  });

  it('reconnects when the connection is cut, and delivers each pushed event once', async () => {
    const relay = await tcpRelay(portOf(host.url));
    closing.push(() => relay.close());
    const page = transport(relay.port);
    const before = await page.create('停水第一天');
    relay.cut();
    await until('link lost', () => page.link.linkState() === 'closed');
    await until('open again', () => page.link.linkState() === 'open');
    const after = await page.create('停水第二天');
    expect((await page.call('sync.status')).ok).toBe(true);
    expect([page.pushes(before.id), page.pushes(after.id)]).toEqual([1, 1]);
    expect(relay.connections()).toBe(1);
  });

  it('gives up on a connection that went silent, answers the call it owed, and reconnects once the network is back', async () => {
    const relay = await tcpRelay(portOf(host.url));
    closing.push(() => relay.close());
    const page = transport(relay.port, { giveUpAfterMs: 400 });
    await until('open', () => page.link.linkState() === 'open');
    relay.silent = true;
    const owed = await page.call('sync.status');
    expect(owed).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/did not answer in time/) } });
    expect(page.link.linkState()).toBe('closed');

    relay.silent = false;
    await until('open again', () => page.link.linkState() === 'open');
    const made = await page.create('停气第一天');
    expect((await page.call('sync.status')).ok).toBe(true);
    expect(page.pushes(made.id)).toBe(1);
  });

  it('answers every call still owed when the page closes it, and connects no more', async () => {
    const port = portOf(host.url);
    await host.close();
    const page = transport(port);
    const waiting = page.call('sync.status');
    page.link.close();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await page.call('sync.status')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await startHost(port);
    const fresh = transport(port);
    await until('a new page connects', () => fresh.link.linkState() === 'open');
    expect(page.link.linkState()).toBe('closed');
    expect(page.states).toEqual(['closed']);
  });
});
