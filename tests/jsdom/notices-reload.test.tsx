import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { rememberVerifier } from '../../src/main/store/credential-store';
import { StatusBar } from '../../src/renderer/src/shell/StatusBar';
import { signInHere, testAgent, testPassword } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';
import { renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe("a lead's notice on the status bar", () => {
  it('is still there when the UI reloads, and one that has expired never shows', async () => {
    const dataDir = tempDir();
    // A server that cannot be reached: the agent works offline and the core keeps what its socket heard.
    core = openCore({
      dataDir,
      cacheKey: ownerOnlyCacheKey(dataDir),
      host: 'web',
      version: '1',
      workstationCode: 'K7Q3',
      serverUrl: 'http://127.0.0.1:9/',
    });
    await rememberVerifier(core.db, testAgent, testPassword, new Date());
    await signInHere(core);
    const board = core.sync!.notices;
    board.heard({ kind: 'sent', notice: { id: 'n-old', text: '昨天的通知', from: '赵磊', at: inHours(-30), expiresAt: inHours(-6) } });
    board.heard({
      kind: 'sent',
      notice: { id: 'n-1', text: '朝阳区停水，统一答复：今晚恢复', from: '赵磊', at: inHours(-1), expiresAt: inHours(7) },
    });

    const first = await renderOnCore(core, <StatusBar />);
    expect((await screen.findByTestId('notice')).textContent).toBe('公告（赵磊）：朝阳区停水，统一答复：今晚恢复');
    first.unmount();

    // The reload: a new UI on the same core, which answers what is in force.
    await renderOnCore(core, <StatusBar />);
    expect((await screen.findByTestId('notice')).textContent).toBe('公告（赵磊）：朝阳区停水，统一答复：今晚恢复');
    expect(screen.queryByText(/昨天的通知/)).toBeNull();
    expect(screen.queryByTestId('notice-more')).toBeNull();
    expect(screen.getByTestId('signed-in-user').textContent).toBe(`${testAgent.displayName}（坐席）`);

    act(() => board.heard({ kind: 'withdrawn', id: 'n-1' }));
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});
