import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (`apt install chromium`); Playwright's own browser download is not reachable here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chromium without GPU, background traffic or first-run screens: without the networking switches it floods this closed network with lookups. */
export const quietChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const webPort = Number(process.env.E2E_WEB_PORT ?? 12399);
export const serverPort = Number(process.env.E2E_SERVER_PORT ?? 12398);
/** The workstation reaches the server through a proxy the offline test can switch off (tests/e2e/support/switchable-proxy.ts). */
export const proxyPort = Number(process.env.E2E_PROXY_PORT ?? 12397);
export const proxyControlPort = Number(process.env.E2E_PROXY_CONTROL_PORT ?? 12396);

// A fresh cache and a fresh server per run, so every run starts from a new workstation and centre.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-'));
const serverDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-server-'));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // A spec's first sign-in caches the seeded centre's open work (thousands of tickets): tens of seconds on a busy machine.
  timeout: 120_000,
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'web',
      testMatch: /.*\.web\.spec\.ts/,
      use: {
        baseURL: `http://127.0.0.1:${webPort}/`,
        viewport: { width: 1366, height: 768 },
        locale: 'zh-CN',
        launchOptions: {
          executablePath: chromiumPath,
          args: quietChromiumArgs,
        },
      },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
  webServer: [
    {
      command: 'node out/main/server.js',
      url: `http://127.0.0.1:${serverPort}/healthz`,
      reuseExistingServer: false,
      // The seed pushes thousands of tickets through the push path first (tens of seconds on a busy machine).
      timeout: 600_000,
      env: {
        PORT: String(serverPort),
        DATA_DIR: serverDataDir,
        SEED_DEMO: 'yes',
        // The open work of a real centre (over 5,000 open, 1,000 awaiting callback: the shift spec) with a short history, no model.
        SEED_TICKETS: '6000',
        SEED_CLOSED_SHARE: '0.1',
        SEED_MODEL: 'skip',
        // The specs sign in a few hundred times: the same scrypt at an eighth of the work (src/server/auth/password.ts).
        PASSWORD_COST: '14',
        LOG_LEVEL: 'warn',
        // Units that accept a dispatched ticket after 1 s and report back 2 s later (the lifecycle E2E).
        SIMULATE_UNITS: 'on',
        SIMULATE_UNITS_ACCEPT_SECONDS: '1',
        SIMULATE_UNITS_FEEDBACK_SECONDS: '2',
      },
    },
    {
      command: 'npx tsx tests/e2e/support/switchable-proxy.ts',
      url: `http://127.0.0.1:${proxyControlPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PROXY_PORT: String(proxyPort), SERVER_PORT: String(serverPort), CONTROL_PORT: String(proxyControlPort) },
    },
    {
      command: 'node out/main/web.js',
      url: `http://127.0.0.1:${webPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        HOTLINE_WEB_PORT: String(webPort),
        HOTLINE_DATA_DIR: dataDir,
        HOTLINE_WORKSTATION_CODE: 'E2E2',
        HOTLINE_SERVER_URL: `http://127.0.0.1:${proxyPort}/`,
      },
    },
  ],
});
