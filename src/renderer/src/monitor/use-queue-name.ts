import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkState, useWorkstation } from '../shell/api-context';

/**
 * A switch queue's name in the UI's language (`general` → 综合 / General), from the cached
 * reference data; a queue the centre has not named shows as the switch calls it.
 */
export function useQueueName(): (queue: string) => string {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const [names, setNames] = useState(() => new Map<string, { zh: string; en: string }>());
  useEffect(() => {
    if (link !== 'open') return;
    const load = () =>
      api.reference.list({ kinds: ['queue'] }).then(
        (items) => setNames(new Map(items.flatMap((i) => (i.kind === 'queue' ? [[i.code, i.body] as const] : [])))),
        () => {}, // nothing cached yet: the switch's own names show
      );
    void load();
    return on.reference.changed(() => void load());
  }, [api, on, link]);
  return useCallback(
    (queue: string) => {
      const named = names.get(queue);
      return named ? (zh ? named.zh : named.en) : queue;
    },
    [names, zh],
  );
}
