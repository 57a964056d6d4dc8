/**
 * Every action the agent can take from anywhere: the command palette, the hotkeys and the F1 help
 * are all built from this one list, so none of them can drift from the others.
 * Hotkeys use Mantine's notation; `mod` is Ctrl (⌘ on macOS).
 */
export const actions = [
  { id: 'goIntake', hotkey: 'alt+1', group: 'navigate' },
  { id: 'goHistory', hotkey: 'alt+2', group: 'navigate' },
  { id: 'goRouting', hotkey: 'alt+3', group: 'navigate' },
  { id: 'goMonitor', hotkey: 'alt+4', group: 'navigate' },
  { id: 'goAdmin', hotkey: 'alt+5', group: 'navigate' },
  { id: 'openWallScreen', hotkey: 'alt+shift+F', group: 'navigate' },
  { id: 'openPalette', hotkey: 'mod+K', group: 'app' },
  { id: 'openHelp', hotkey: 'F1', group: 'app' },
  { id: 'toggleLanguage', hotkey: 'alt+L', group: 'app' },
  { id: 'toggleTheme', hotkey: 'alt+T', group: 'app' },
  { id: 'signIn', hotkey: 'alt+I', group: 'app' },
  { id: 'signOut', hotkey: 'alt+O', group: 'app' },
  { id: 'lockScreen', hotkey: 'alt+shift+L', group: 'app' },
  { id: 'toggleBreak', hotkey: 'alt+B', group: 'app' },
  { id: 'raiseHand', hotkey: 'alt+H', group: 'app' },
  { id: 'answerHand', hotkey: 'alt+shift+H', group: 'app' },
  { id: 'openRejections', hotkey: 'alt+R', group: 'app' },
  { id: 'submitTicket', hotkey: 'mod+Enter', group: 'intake' },
  { id: 'newIntake', hotkey: 'alt+N', group: 'intake' },
  { id: 'openDrafts', hotkey: 'alt+shift+D', group: 'intake' },
  { id: 'followUp', hotkey: 'alt+F', group: 'intake' },
  { id: 'linkDuplicate', hotkey: 'alt+D', group: 'intake' },
  { id: 'quickPhrase', hotkey: 'alt+P', group: 'intake' },
  { id: 'knowledgeBase', hotkey: 'alt+K', group: 'intake' },
  { id: 'acceptSuggestion', hotkey: 'alt+G', group: 'intake' },
  { id: 'takeCallerDetails', hotkey: 'alt+A', group: 'intake' },
  { id: 'wrapUp', hotkey: 'alt+U', group: 'intake' },
  { id: 'focusSearch', hotkey: 'alt+S', group: 'navigate' },
  { id: 'confirmStep', hotkey: 'alt+Enter', group: 'routing' },
  { id: 'focusStep', hotkey: 'alt+W', group: 'routing' },
  { id: 'goBack', hotkey: 'alt+ArrowLeft', group: 'navigate' },
] as const;

export type ActionId = (typeof actions)[number]['id'];

export const hotkeyOf = (id: ActionId): string => actions.find((action) => action.id === id)!.hotkey;

/**
 * Keys that act on the selected row of a list while that list has focus. Plain letters, so the list
 * binds them itself and never the shell (bound globally they would fire while the agent types);
 * F1 lists them after the actions, under the lists they work in.
 */
export const listKeys = [{ id: 'urgeRow', key: 'U', lists: 'riskLists' }] as const;

export type ListKeyId = (typeof listKeys)[number]['id'];

export const listKeyOf = (id: ListKeyId): string => listKeys.find((entry) => entry.id === id)!.key;

/** What each action does, supplied by the shell; a missing one is a compile error. */
export type ActionHandlers = Record<ActionId, () => void>;

const isMac = () => typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** `mod+K` → `Ctrl + K` (or `⌘ + K`), for showing beside an action. */
export function formatHotkey(hotkey: string, mac = isMac()): string {
  const names: Record<string, string> = { mod: mac ? '⌘' : 'Ctrl', alt: mac ? '⌥' : 'Alt', shift: 'Shift', ctrl: 'Ctrl', arrowleft: '←' };
  return hotkey
    .split('+')
    .map((part) => names[part.toLowerCase()] ?? part.toUpperCase())
    .join(' + ');
}
