import type { KeyboardEvent } from 'react';

/** Ctrl+S and Alt+Enter save, Alt+Shift+P publishes an article, Esc leaves without saving. */
export function formKey(event: KeyboardEvent): 'save' | 'publish' | 'cancel' | null {
  const key = event.key.toLowerCase();
  if (((event.ctrlKey || event.metaKey) && key === 's') || (event.altKey && key === 'enter')) return 'save';
  if (event.altKey && event.shiftKey && key === 'p') return 'publish';
  // An open dropdown takes its own Esc.
  const target = event.target as HTMLElement;
  if (key === 'escape' && target.getAttribute('aria-expanded') !== 'true') return 'cancel';
  return null;
}

/**
 * The keys of a form that is not an item's (a user, a switch, a key): save and leave. They are kept
 * from the shell, whose Alt+Enter would take a routing step.
 */
export const formKeys = (onSave: () => void, onCancel: () => void) => (event: KeyboardEvent) => {
  const action = formKey(event);
  if (action !== 'save' && action !== 'cancel') return;
  event.preventDefault();
  event.stopPropagation();
  if (action === 'save') onSave();
  else onCancel();
};
