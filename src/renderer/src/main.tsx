import '@mantine/core/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createClient } from './api/client';
import { connectTransport } from './api/connect';
import { createI18n } from './i18n';
import { Root } from './Root';
import { WorkstationProvider } from './shell/api-context';

const transport = connectTransport();
const workstation = { ...createClient(transport), transport };
const i18n = await createI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <WorkstationProvider value={workstation}>
        <Root />
      </WorkstationProvider>
    </I18nextProvider>
  </StrictMode>,
);
