import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { createClient } from '../../src/renderer/src/api/client';
import { createI18n } from '../../src/renderer/src/i18n';
import { Root } from '../../src/renderer/src/Root';
import { WorkstationProvider } from '../../src/renderer/src/shell/api-context';
import { coreTransport } from './core-transport';
import { signInHere } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';

/** The whole renderer on a real core with a fresh SQLite file, an agent signed in unless told. */
export async function renderApp({ signedIn = true }: { signedIn?: boolean } = {}) {
  const dataDir = tempDir();
  const core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'K7Q2' });
  if (signedIn) await signInHere(core);
  const transport = coreTransport(core);
  const i18n = await createI18n();
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <WorkstationProvider value={{ ...createClient(transport), transport }}>
        <Root />
      </WorkstationProvider>
    </I18nextProvider>,
  );
  return { core, user, view, i18n };
}
