import { defaultUiSettings, type UiSettings, uiSettingsSchema } from '../../shared/contract/settings';
import { readSetting, writeSetting } from '../store/settings-store';
import type { CoreDeps, DomainHandlers } from './types';

const key = 'ui';

export const settingsHandlers = ({ db, bus, now }: CoreDeps): DomainHandlers<'settings'> => {
  const current = (): UiSettings => readSetting(db, key, uiSettingsSchema) ?? defaultUiSettings;
  return {
    get: current,
    update: (changes) => {
      const next = { ...current(), ...changes };
      writeSetting(db, key, next, now().toISOString());
      bus.emit('settings.changed', next);
      return next;
    },
  };
};
