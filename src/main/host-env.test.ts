import { describe, expect, it } from 'vitest';
import { bakedUpdateUrl, packagedRendererUrl, rendererUrlFor, updateFeedFor } from './host-env';
import { createSenderCheck } from './ipc-binding';

function recorder() {
  const lines: string[] = [];
  const log = { warn: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
  return { lines, log };
}

const frame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('the renderer URL', () => {
  it('comes from ELECTRON_RENDERER_URL only under electron-vite dev', () => {
    const { log, lines } = recorder();
    expect(rendererUrlFor(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, log)).toBe('http://localhost:5173/');
    expect(rendererUrlFor(false, {}, log)).toBe(packagedRendererUrl);
    expect(lines).toEqual([]);
  });

  it('is the app:// page in a packaged app whatever the environment says, so the IPC check never trusts another origin', () => {
    const { log, lines } = recorder();
    const url = rendererUrlFor(true, { ELECTRON_RENDERER_URL: 'http://evil.example:8080/' }, log);
    expect(url).toBe(packagedRendererUrl);
    expect(lines).toEqual([expect.stringContaining('ELECTRON_RENDERER_URL is set but ignored')]);
    const trusted = createSenderCheck(url);
    expect(trusted(frame('http://evil.example:8080/'))).toBe(false);
    expect(trusted(frame('app://workstation/index.html'))).toBe(true);
  });
});

describe('the update feed', () => {
  it('is off outside a packaged app', () => {
    expect(
      updateFeedFor(false, { HOTLINE_UPDATE_URL: 'https://updates.example.org/' }, 'https://baked.example.org/', recorder().log),
    ).toEqual({ kind: 'off' });
  });

  it('takes an https override, or the URL baked in at packaging', () => {
    const { log, lines } = recorder();
    expect(updateFeedFor(true, { HOTLINE_UPDATE_URL: 'https://updates.example.org/ws' }, null, log)).toEqual({
      kind: 'override',
      url: 'https://updates.example.org/ws',
    });
    expect(updateFeedFor(true, {}, 'https://baked.example.org/ws', log)).toEqual({ kind: 'baked' });
    expect(updateFeedFor(true, {}, null, log)).toEqual({ kind: 'off' });
    expect(lines).toEqual([]);
  });

  it('refuses plain http and anything that is not a URL, and says so', () => {
    const { log, lines } = recorder();
    expect(updateFeedFor(true, { HOTLINE_UPDATE_URL: 'http://updates.example.org/ws' }, 'https://baked.example.org/', log)).toEqual({
      kind: 'off',
    });
    expect(updateFeedFor(true, {}, 'http://baked.example.org/ws', log)).toEqual({ kind: 'off' });
    expect(updateFeedFor(true, { HOTLINE_UPDATE_URL: 'updates.example.org' }, null, log)).toEqual({ kind: 'off' });
    expect(lines).toEqual([
      expect.stringMatching(/HOTLINE_UPDATE_URL \("http:\/\/updates\.example\.org\/ws"\) is not https; updates are off/),
      expect.stringMatching(/the update URL built into this package .* is not https; updates are off/),
      expect.stringMatching(/HOTLINE_UPDATE_URL .* is not a URL; updates are off/),
    ]);
  });

  it('reads the url line of app-update.yml', () => {
    expect(bakedUpdateUrl('provider: generic\nurl: https://updates.example.org/ws\nupdaterCacheDirName: x\n')).toBe(
      'https://updates.example.org/ws',
    );
    expect(bakedUpdateUrl("provider: generic\nurl: 'http://u.example/'\n")).toBe('http://u.example/');
    expect(bakedUpdateUrl('provider: generic\n')).toBeNull();
    expect(bakedUpdateUrl(null)).toBeNull();
  });
});
