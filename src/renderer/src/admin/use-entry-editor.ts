import { useRef, useState } from 'react';
import type { AdminReferenceItem } from '../../../shared/server-api/reference-admin';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { ReferenceSection } from './admin-kinds';
import { entryFrom, type FormValues, formValues, sameValues } from './entry-values';
import { useAdminWords } from './use-admin-words';

export interface Conflict {
  code: string;
  /** The version stored now, by whom, when; null until read (or when it could not be). */
  stored: { by: string | null; at: string | null; version: number } | null;
}

export interface EntryEditor {
  values: FormValues;
  set(key: string, value: string | boolean): void;
  dirty: boolean;
  saving: boolean;
  /**
   * Someone else saved the item since it was read (or, for a new one, saved one with its code): this
   * save was refused, the form kept. Who and when, once the list has been read again to say so.
   */
  conflict: Conflict | null;
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
  // What the fields hold this instant: a picker left by the save key puts its choice here before the save reads it.
  const latest = useRef(values);
  const change = (next: FormValues) => {
    latest.current = next;
    setValues(next);
  };
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);

  const save = async (changes: FormValues = {}) => {
    const next = { ...latest.current, ...changes };
    if (item) next.code = item.entry.code; // the code names the item; a changed code would be a new one
    change(next);
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
        // The server's checks (a group that does not exist, a retired unit) stay on the form, field by field.
        if (error.code === 'invalid_input' && error.issues.length > 0) {
          setInvalid(error.issues.map((issue) => `${issue.path.replace(/^entry\.(body\.)?/, '')}: ${issue.message}`).join('; '));
          return true;
        }
        if (error.code !== 'conflict') return false;
        const code = checked.entry.code;
        setConflict({ code, stored: null });
        void api.admin.list({ kind }).then(
          ({ items }) => {
            const now = items.find((i) => i.entry.code === code);
            if (now) setConflict({ code, stored: { by: now.changedBy, at: now.changedAt, version: now.version } });
          },
          () => undefined, // the words without who and when still say what to do
        );
        return true;
      },
    });
    setSaving(false);
    return saved;
  };

  return {
    values,
    set: (key, value) => change({ ...latest.current, [key]: value }),
    dirty: !sameValues(values, initial),
    saving,
    conflict,
    invalid,
    save,
  };
}
