import { afterEach, describe, expect, it } from 'vitest';
import { dbState } from '../../tests/support/db-state';
import { badTicketInputs, intakeFields } from '../../tests/support/fixtures';
import { tempDir } from '../../tests/support/temp-dir';
import { ipcChannels } from '../shared/contract/bridge';
import type { Envelope } from '../shared/result';
import { type Core, openCore } from './core';
import { bindIpc, createSenderCheck, type InvokeEventLike, type IpcMainLike } from './ipc-binding';

/** Stands in for Electron's ipcMain, whose binary cannot run here: it records the handlers bound. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, request: unknown) => Promise<Envelope<unknown>>>();
  handle(channel: string, listener: (event: InvokeEventLike, request: unknown) => Promise<Envelope<unknown>>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(url: string, request: unknown, parent: unknown = null) {
    const handler = this.handlers.get(ipcChannels.invoke);
    if (!handler) throw new Error('nothing bound');
    return handler({ senderFrame: { url, parent } }, request);
  }
}

const rendererUrl = 'file:///opt/hotline/resources/app.asar/out/renderer/index.html';
let core: Core;
afterEach(() => core?.close());

function bound() {
  core = openCore({ dataDir: tempDir(), host: 'electron', version: '1', workstationCode: 'K7Q2' });
  const ipc = new FakeIpcMain();
  const unbind = bindIpc(ipc, core.dispatch, createSenderCheck(rendererUrl));
  return { ipc, unbind };
}

describe('IPC binding', () => {
  it('answers calls from the renderer page with envelopes', async () => {
    const { ipc } = bound();
    const result = await ipc.invoke(`${rendererUrl}#/intake`, { call: 'tickets.create', input: { fields: intakeFields } });
    expect(result).toMatchObject({ ok: true, value: { provisionalNo: 'K7Q2-000001' } });
  });

  it.each(badTicketInputs)('refuses $name with a typed error and writes nothing', async ({ input }) => {
    const { ipc } = bound();
    const before = dbState(core.db);
    const result = await ipc.invoke(rendererUrl, { call: 'tickets.create', input });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dbState(core.db)).toEqual(before);
  });

  it('refuses requests that are not { call, input }', async () => {
    const { ipc } = bound();
    for (const request of [null, 'tickets.create', { call: '' }, { call: 'app.info', input: {}, extra: 1 }, [1, 2]]) {
      expect(await ipc.invoke(rendererUrl, request)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('refuses other documents, other origins and sub-frames before touching the core', async () => {
    const { ipc } = bound();
    const before = dbState(core.db);
    const request = { call: 'tickets.create', input: { fields: intakeFields } };
    for (const url of ['file:///tmp/evil.html', 'https://example.org/', 'about:blank', 'not a url']) {
      expect(await ipc.invoke(url, request)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await ipc.invoke(rendererUrl, request, { url: rendererUrl })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dbState(core.db)).toEqual(before);
  });

  it('trusts the dev server by origin, and unbinds cleanly', async () => {
    const check = createSenderCheck('http://localhost:5173/');
    expect(check({ senderFrame: { url: 'http://localhost:5173/some/route', parent: null } })).toBe(true);
    expect(check({ senderFrame: { url: 'http://localhost:5174/', parent: null } })).toBe(false);
    expect(check({ senderFrame: null })).toBe(false);

    const { ipc, unbind } = bound();
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});
