import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import type { Locale } from '../../src/shared/contract/settings';
import { createClient } from '../../src/renderer/src/api/client';
import { createI18n } from '../../src/renderer/src/i18n';
import { WorkstationProvider } from '../../src/renderer/src/shell/api-context';
import { coreTransport } from './core-transport';
import { signInHere } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';

/** A real core with a fresh SQLite file and no server, an agent signed in unless told. */
export async function openTestCore({ signedIn = true, now }: { signedIn?: boolean; now?: () => Date } = {}): Promise<Core> {
  const dataDir = tempDir();
  const options = { dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web' as const, version: '1', workstationCode: 'K7Q2' };
  const core = openCore(now ? { ...options, now } : options);
  if (signedIn) await signInHere(core);
  return core;
}

/** What a hook or a part of a pane needs around it: messages, Mantine with its notices, the typed client on the core. */
async function providers(core: Core, locale: Locale) {
  const transport = coreTransport(core);
  const i18n = await createI18n(locale);
  const workstation = { ...createClient(transport), transport };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <Notifications />
        <WorkstationProvider value={workstation}>{children}</WorkstationProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  return { wrapper, i18n, api: workstation.api };
}

export async function renderHookOnCore<R>(core: Core, hook: () => R, locale: Locale = 'zh-CN') {
  const { wrapper, i18n, api } = await providers(core, locale);
  return { ...renderHook(hook, { wrapper }), i18n, api };
}

export async function renderOnCore(core: Core, ui: ReactNode, locale: Locale = 'zh-CN') {
  const { wrapper, i18n, api } = await providers(core, locale);
  return { ...render(ui, { wrapper }), i18n, api };
}
