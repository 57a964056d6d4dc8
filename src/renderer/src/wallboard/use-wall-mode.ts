import { useCallback, useEffect, useState } from 'react';

/**
 * The lead's wall layout over the workstation, in the browser's full screen where it is allowed
 * (a key press is the gesture it needs). Escape ends it, and so does leaving full screen any other
 * way: the browser keeps Escape for itself while in full screen.
 */
export function useWallMode(): { open: boolean; enter: () => void; leave: () => void } {
  const [open, setOpen] = useState(false);
  const enter = useCallback(() => {
    setOpen(true);
    // Refused or missing (an embedded host, a policy): the layout still covers the whole window.
    if (typeof document.documentElement.requestFullscreen === 'function')
      document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  const leave = useCallback(() => {
    setOpen(false);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // The panes beneath must not take this Escape as their own (closing a dialog, going back).
      event.preventDefault();
      event.stopPropagation();
      leave();
    };
    const onChange = () => {
      if (!document.fullscreenElement) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onChange);
    };
  }, [open, leave]);
  return { open, enter, leave };
}
