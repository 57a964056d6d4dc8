import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { theme } from './theme';
import { App } from './shell/App';
import { useUiSettings } from './shell/use-ui-settings';

/** Applies the stored theme before anything else renders. */
export function Root() {
  const { settings, update } = useUiSettings();
  return (
    <MantineProvider theme={theme} forceColorScheme={settings.colorScheme}>
      <Notifications position="top-right" limit={3} />
      <App settings={settings} updateSettings={update} />
    </MantineProvider>
  );
}
