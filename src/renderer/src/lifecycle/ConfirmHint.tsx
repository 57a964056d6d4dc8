import { Kbd } from '@mantine/core';
import { formatHotkey, hotkeyOf } from '../shell/actions';

/** The key that takes the step, shown on the button that takes it. */
export function ConfirmHint() {
  return <Kbd size="xs">{formatHotkey(hotkeyOf('confirmStep'))}</Kbd>;
}
