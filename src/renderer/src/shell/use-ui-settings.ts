import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultUiSettings, type UiSettings } from '../../../shared/contract/settings';
import { useLinkState, useWorkstation } from './api-context';

/**
 * Language and theme, kept by the core (so the Electron window and the browser host remember them)
 * and applied here; a change made anywhere arrives as `settings.changed`.
 */
export function useUiSettings() {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState<UiSettings>(defaultUiSettings);

  useEffect(() => on.settings.changed(setSettings), [on]);
  useEffect(() => {
    if (link !== 'open') return;
    api.settings.get().then(setSettings, (error: unknown) => console.warn('settings.get failed', error));
  }, [api, link]);
  useEffect(() => {
    void i18n.changeLanguage(settings.locale);
    document.documentElement.lang = settings.locale;
  }, [i18n, settings.locale]);

  const update = useCallback(
    (changes: Partial<UiSettings>) => {
      setSettings((current) => ({ ...current, ...changes }));
      api.settings.update(changes).then(setSettings, (error: unknown) => console.warn('settings.update failed', error));
    },
    [api],
  );
  return { settings, update };
}
