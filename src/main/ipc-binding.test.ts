import { afterEach, describe, expect, it } from 'vitest';
import { dbState } from '../../tests/support/db-state';
import { badTicketInputs, intakeFields } from '../../tests/support/fixtures';
import { signInHere } from '../../tests/support/sign-in';
import { tempDir } from '../../tests/support/temp-dir';
import { type Core, openCore, ownerOnlyCacheKey } from './core';
import { FakeIpcMain } from '../../tests/support/fake-ipc-main';
import { bindIpc, createSenderCheck } from './ipc-binding';

const rendererUrl = 'app://workstation/index.html';
let core: Core;
afterEach(() => core?.close());

async function bound() {
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'electron', version: '1', workstationCode: 'K7Q2' });
  await signInHere(core);
  const ipc = new FakeIpcMain();
  const unbind = bindIpc(ipc, core.dispatch, createSenderCheck(rendererUrl));
  return { ipc, unbind };
}

describe('IPC binding', () => {
  it('answers calls from the renderer page with envelopes', async () => {
    const { ipc } = await bound();
    const result = await ipc.invoke(`${rendererUrl}#/intake`, { call: 'tickets.create', input: { fields: intakeFields } });
    expect(result).toMatchObject({ ok: true, value: { provisionalNo: 'K7Q2-000001' } });
  });

  it.each(badTicketInputs)('refuses $name with a typed error and writes nothing', async ({ input }) => {
    const { ipc } = await bound();
    const before = dbState(core.db);
    const result = await ipc.invoke(rendererUrl, { call: 'tickets.create', input });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dbState(core.db)).toEqual(before);
  });

  it('refuses requests that are not { call, input }', async () => {
    const { ipc } = await bound();
    for (const request of [null, 'tickets.create', { call: '' }, { call: 'app.info', input: {}, extra: 1 }, [1, 2]]) {
      expect(await ipc.invoke(rendererUrl, request)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('refuses other documents, other origins and sub-frames before touching the core', async () => {
    const { ipc } = await bound();
    const before = dbState(core.db);
    const request = { call: 'tickets.create', input: { fields: intakeFields } };
    for (const url of [
      'file:///tmp/evil.html',
      'app://elsewhere/index.html',
      'evil://workstation/',
      'https://example.org/',
      'about:blank',
      'not a url',
    ]) {
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

    expect(() => createSenderCheck('file:///opt/hotline/out/renderer/index.html')).toThrow(/app:\/\//);

    const { ipc, unbind } = await bound();
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});
