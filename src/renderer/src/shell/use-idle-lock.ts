import { useEffect } from 'react';

const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Calls `onIdle` once the agent has not touched keyboard or mouse for `minutes`. Off while
 * `active` is false: nobody signed in, already locked, or on a live call (a long call is talk,
 * not absence). 0 minutes means never.
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!active || minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, minutes * 60_000);
    };
    for (const type of activity) window.addEventListener(type, restart, { capture: true, passive: true });
    restart();
    return () => {
      clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, restart, { capture: true });
    };
  }, [minutes, active, onIdle]);
}
