import { useTranslation } from 'react-i18next';

/**
 * What every dialog shares: the cursor stays inside while it is open, starts on the field marked
 * `data-autofocus` (its first), Esc closes it without saving, and the cursor returns to where it
 * was. The close button is for the mouse (Esc is the key), so the first Tab stop is the first field.
 */
export function useDialogProps() {
  const { t } = useTranslation();
  return {
    trapFocus: true,
    closeOnEscape: true,
    returnFocus: true,
    closeButtonProps: { 'aria-label': t('help.close'), tabIndex: -1 },
  } as const;
}
