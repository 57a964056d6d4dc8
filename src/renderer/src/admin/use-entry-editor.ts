import { useState } from 'react';
import type { AdminReferenceItem } from '../../../shared/server-api/reference-admin';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { ReferenceSection } from './admin-kinds';
import { entryFrom, type FormValues, formValues, sameValues } from './entry-values';
import { useAdminWords } from './use-admin-words';

export interface EntryEditor {
  values: FormValues;
  set(key: string, value: string | boolean): void;
  dirty: boolean;
  saving: boolean;
  /** Someone else saved the item since it was read: this save was refused, the form kept. */
  conflict: boolean;
  /** Why the form cannot be saved as it is (the fields the kind's schema refused). */
  invalid: string | null;
  /** Saves what the form holds, with changes given on top (Publish sets the status). */
  save(changes?: FormValues): Promise<AdminReferenceItem | undefined>;
}

/** The form of one item (null: a new one): its values, and its save against the version it was read at. */
export function useEntryEditor(kind: ReferenceSection, item: AdminReferenceItem | null): EntryEditor {
  const { api } = useWorkstation();
  const { w } = useAdminWords();
  const call = useCall();
  const [initial] = useState(() => formValues(kind, item?.entry ?? null));
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);

  const save = async (changes: FormValues = {}) => {
    const next = { ...values, ...changes };
    if (item) next.code = item.entry.code; // the code names the item; a changed code would be a new one
    setValues(next);
    const checked = entryFrom(kind, next, item?.entry ?? null);
    if (!checked.ok) {
      setInvalid(checked.reason);
      return undefined;
    }
    setInvalid(null);
    setSaving(true);
    const saved = await call(() => api.admin.save({ entry: checked.entry, expectedVersion: item?.version ?? null }), {
      failure: 'saveAdmin',
      detail: true,
      done: (answer) => w('form.saved', { code: answer.entry.code, version: answer.version }),
      handle: (error) => {
        if (error.code !== 'conflict') return false;
        setConflict(true);
        return true;
      },
    });
    setSaving(false);
    return saved;
  };

  return {
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    dirty: !sameValues(values, initial),
    saving,
    conflict,
    invalid,
    save,
  };
}
