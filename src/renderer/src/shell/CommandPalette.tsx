import { Kbd } from '@mantine/core';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { type ActionHandlers, type ActionId, actions, formatHotkey } from './actions';

/** Ctrl+K: every action, searchable by its label in the current language; `hidden` are not the user's to take. */
export function CommandPalette({ handlers, hidden = [] }: { handlers: ActionHandlers; hidden?: readonly ActionId[] }) {
  const { t } = useTranslation();
  const items: SpotlightActionData[] = actions
    .filter((action) => !hidden.includes(action.id))
    .map((action) => ({
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
