import { Kbd } from '@mantine/core';
import { type ActionId, formatHotkey, hotkeyOf } from '../shell/actions';

/** The key of an action, shown beside the control it works. */
export function HotkeyHint({ id }: { id: ActionId }) {
  return <Kbd size="xs">{formatHotkey(hotkeyOf(id))}</Kbd>;
}
