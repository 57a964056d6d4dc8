import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkState, useWorkstation } from './api-context';
import { useAuth } from './use-auth';

export interface BreakReason {
  code: string;
  zh: string;
  en: string;
}

/** The centre's break reasons (reference data, in their order) and a reason's name in the UI's language. */
export function useBreakReasons(): { reasons: BreakReason[]; nameOf: (code: string | null) => string | null } {
  const { api, on } = useWorkstation();
  const { i18n } = useTranslation();
  const link = useLinkState();
  // Nothing is answered while nobody is signed in: read again as each session begins.
  const signedIn = useAuth()?.sessionLive === true;
  const [reasons, setReasons] = useState<BreakReason[]>([]);
  // Read again whenever sync brings reference data: the first sync after a sign-in brings them all.
  useEffect(() => {
    if (link !== 'open' || !signedIn) return;
    const load = () => api.presence.breakReasons({}).then(setReasons, () => setReasons([]));
    void load();
    return on.reference.changed(() => void load());
  }, [api, on, link, signedIn]);
  const en = i18n.language === 'en';
  const nameOf = useCallback(
    (code: string | null) => {
      if (code === null) return null;
      const reason = reasons.find((r) => r.code === code);
      return reason ? (en ? reason.en : reason.zh) : code;
    },
    [reasons, en],
  );
  return { reasons, nameOf };
}
