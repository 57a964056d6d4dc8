import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminReferenceItem, EditableKind } from '../../../shared/server-api/reference-admin';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

export interface AdminList {
  /** Null until the first answer (or after a failure, which has been shown). */
  items: AdminReferenceItem[] | null;
  /** Reads the kind again from the server; resolves with what it read. */
  reload(): Promise<AdminReferenceItem[] | undefined>;
}

/** Every item of one kind as the server has it (retired and draft ones too), read when the kind is opened. */
export function useAdminList(kind: EditableKind | null): AdminList {
  const { api } = useWorkstation();
  const call = useCall();
  // Kept with the kind they are of: a kind's list never shows another's while it is being read.
  const [read, setRead] = useState<{ kind: EditableKind; items: AdminReferenceItem[] } | null>(null);
  const asked = useRef<EditableKind | null>(null);
  const reload = useCallback((): Promise<AdminReferenceItem[] | undefined> => {
    if (!kind) return Promise.resolve(undefined);
    asked.current = kind;
    return call(() => api.admin.list({ kind }), { failure: 'loadAdmin' }).then((answer) => {
      // Answers for a kind the admin has left since are dropped.
      if (asked.current !== kind || !answer) return undefined;
      setRead({ kind, items: answer.items });
      return answer.items;
    });
  }, [api, call, kind]);
  useEffect(() => void reload(), [reload]);
  return { items: read && read.kind === kind ? read.items : null, reload };
}
