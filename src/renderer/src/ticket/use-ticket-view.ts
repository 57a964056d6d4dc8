import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';

/** One ticket opened, and the element to give the focus back to when the agent goes back from it. */
interface Opened {
  ticketId: string;
  returnFocus: HTMLElement | null;
}

export interface TicketView<Place> {
  /** The ticket on screen, or null when the pane it was opened from shows. */
  current: string | null;
  /** Where the first ticket was opened: the view covers that pane only. */
  openedFrom: Place | null;
  /** How many tickets deep the agent is (a linked ticket opened from a ticket counts one more). */
  depth: number;
  open(ticketId: string): void;
  /** One step back: the ticket before, or the pane with the focus where it was. */
  back(): void;
  /** Leaves the view without restoring anything (the agent went to another pane). */
  close(): void;
}

const focused = (): HTMLElement | null => (document.activeElement instanceof HTMLElement ? document.activeElement : null);

/**
 * A stack of opened tickets over the pane the agent was on. The pane stays mounted (hidden)
 * underneath, so its list, selection and scroll are exactly as they were; Back only has to put the
 * focus back on the row it came from.
 */
export function useTicketView<Place>(place: Place): TicketView<Place> {
  const [stack, setStack] = useState<{ from: Place; opened: Opened[] } | null>(null);
  // Another pane brought forward (a hotkey, a popped call) ends the view: it belonged to the pane it covered.
  if (stack && stack.from !== place) setStack(null);

  const open = useCallback(
    (ticketId: string) => {
      const entry = { ticketId, returnFocus: focused() };
      flushSync(() => setStack((s) => (s && s.from === place ? { ...s, opened: [...s.opened, entry] } : { from: place, opened: [entry] })));
    },
    [place],
  );

  const back = useCallback(() => {
    if (!stack) return;
    const target = stack.opened.at(-1)?.returnFocus ?? null;
    flushSync(() => setStack(stack.opened.length > 1 ? { ...stack, opened: stack.opened.slice(0, -1) } : null));
    if (target?.isConnected) target.focus();
  }, [stack]);

  const close = useCallback(() => setStack(null), []);
  const top = stack?.opened.at(-1) ?? null;
  return { current: top?.ticketId ?? null, openedFrom: stack?.from ?? null, depth: stack?.opened.length ?? 0, open, back, close };
}
