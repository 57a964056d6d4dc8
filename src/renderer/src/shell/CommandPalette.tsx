import { Kbd } from '@mantine/core';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { type ActionHandlers, actions, formatHotkey } from './actions';

/** Ctrl+K: every action, searchable by its label in the current language. */
export function CommandPalette({ handlers }: { handlers: ActionHandlers }) {
  const { t } = useTranslation();
  const items: SpotlightActionData[] = actions.map((action) => ({
    id: action.id,
    label: t(`actions.${action.id}.label`),
    description: t(`actions.${action.id}.description`),
    keywords: [action.id],
    rightSection: <Kbd size="xs">{formatHotkey(action.hotkey)}</Kbd>,
    onClick: handlers[action.id],
  }));
  return (
    <Spotlight
      actions={items}
      // The shell binds the palette's hotkey with the others, from the action list.
      shortcut={null}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      searchProps={{ placeholder: t('palette.placeholder'), 'aria-label': t('palette.placeholder') }}
    />
  );
}
