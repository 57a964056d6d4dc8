import { useCallback, useEffect, useState } from 'react';
import { type Failure, useCall } from '../api/use-call';

/** A list read from the server when the section opens and again on `reload`; null until it came. */
export function useLoaded<T>(load: () => Promise<T>, failure: Failure) {
  const call = useCall();
  const [value, setValue] = useState<T | null>(null);
  const reload = useCallback(
    () =>
      call(load, { failure }).then((answer) => {
        if (answer !== undefined) setValue(answer);
      }),
    [call, load, failure],
  );
  useEffect(() => void reload(), [reload]);
  return { value, reload };
}
