import { useEffect, useRef, useState } from 'react';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { fromDraft, hasContent, type IntakeValues } from './intake-form';

/** The draft is saved this long after the last keystroke (at most 0.5 s of typing may be lost). */
export const autosaveMs = 300;

/**
 * Everything typed is a draft in the core's SQLite (synchronous=FULL) within `autosaveMs`; after a
 * crash or a closed window the newest intake draft comes back as it was. A save that fails says so
 * until one works again: the agent must not believe a draft is kept when it is not.
 * Answers when the shown draft was last saved (null: not yet).
 */
export function useDraftAutosave(
  values: IntakeValues,
  draftId: string,
  restore: (draftId: string, values: IntakeValues) => void,
): string | null {
  const { api } = useWorkstation();
  const link = useLinkState();
  const call = useCall();
  const [saved, setSaved] = useState<{ draftId: string; at: string } | null>(null);
  const restored = useRef(false);

  useEffect(() => {
    if (link !== 'open' || restored.current) return;
    restored.current = true;
    void call(() => api.drafts.list(), { failure: 'restoreDraft', background: true }).then((drafts) => {
      const latest = drafts?.find((d) => d.kind === 'intake');
      if (!latest) return;
      restore(latest.id, fromDraft(latest.body));
      setSaved({ draftId: latest.id, at: latest.updatedAt });
    });
  }, [api, call, link, restore]);

  const pendingSave = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!hasContent(values)) return;
    const save = () => {
      pendingSave.current = null;
      void call(() => api.drafts.save({ id: draftId, kind: 'intake', body: { ...values } }), { failure: 'saveDraft', sticky: true }).then(
        (result) => result && setSaved({ draftId, at: result.savedAt }),
      );
    };
    pendingSave.current = save;
    const timer = setTimeout(save, autosaveMs);
    return () => clearTimeout(timer);
  }, [api, call, values, draftId]);
  // Going away (the screen locks, the pane is replaced) saves at once what was still waiting.
  useEffect(() => () => pendingSave.current?.(), []);

  return saved?.draftId === draftId ? saved.at : null;
}
