import { useEffect, useState } from 'react';
import { useLinkState } from './api-context';

/**
 * State the core both answers for (`load`) and pushes changes of (`subscribe`). A pushed value is
 * always newer than a load that was already under way, so a late load never overwrites it.
 */
export function usePushedState<T>(load: () => Promise<T>, subscribe: (listener: (value: T) => void) => () => void, initial: T): T {
  const link = useLinkState();
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let pushed = false;
    const unsubscribe = subscribe((next) => {
      pushed = true;
      setValue(next);
    });
    if (link === 'open') {
      load().then(
        (loaded) => pushed || setValue(loaded),
        () => {},
      );
    }
    return unsubscribe;
  }, [load, subscribe, link]);
  return value;
}
