import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/contract/drafts';
import { useCall } from '../api/use-call';
import { formatHotkey, hotkeyOf } from '../shell/actions';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { createDraftWriter, type DraftWrite } from './draft-writer';
import { fromDraft, hasContent, type IntakeValues } from './intake-form';
import type { IntakeForm } from './use-intake-form';
import { intakeForCall } from './use-screen-pop';

/** Who a draft is about, for the drafts list and the notice that one was parked: the number, else the first words. */
export const draftCaller = (v: IntakeValues): string => v.callerPhone.trim() || v.callerName.trim();

/**
 * The draft a window brings back when it opens: the one for the call the agent is on, or with no
 * call, the one that was in the form (not parked). Never another caller's: those wait in the list.
 */
export function draftToRestore(drafts: Draft[], answeredCallId: string | null): Draft | undefined {
  const intakes = drafts.filter((d) => d.kind === 'intake');
  return answeredCallId ? intakes.find((d) => fromDraft(d.body).callId === answeredCallId) : intakes.find((d) => d.parkedAt === null);
}

/**
 * Everything typed is a draft in the core's SQLite (synchronous=FULL) at every change, saved
 * through a coalescing writer (draft-writer.ts) rather than after a pause, so a crash during steady
 * typing loses only the keys of one round trip. When the form moves on to another intake (a call
 * pops, Alt+N, a draft brought back) the draft it held is parked, and the agent is told where it
 * went. A save that fails says so until one works again: the agent must not believe a draft is kept
 * when it is not. Answers when the shown draft was last saved (null: not yet).
 */
export function useDraftAutosave(form: IntakeForm): string | null {
  const { values, draftId, restore, startOver } = form;
  // The instance, not `t`: the writer must stay one (one save in flight) when the language changes.
  const { i18n } = useTranslation();
  const { api } = useWorkstation();
  const link = useLinkState();
  const call = useCall();
  const [saved, setSaved] = useState<{ draftId: string; at: string } | null>(null);

  const writer = useMemo(() => {
    const t = i18n.t.bind(i18n);
    const send = async (draft: DraftWrite) => {
      const result = await call(() => api.drafts.save({ id: draft.id, kind: 'intake', body: draft.body, parked: draft.parked }), {
        failure: 'saveDraft',
        sticky: true,
      });
      if (!result?.kept) return; // its ticket was made meanwhile: nothing was parked
      if (!draft.parked) setSaved({ draftId: draft.id, at: result.savedAt });
      else
        notifications.show({
          message: t('drafts.parked', {
            caller: draftCaller(fromDraft(draft.body)) || t('drafts.noCaller'),
            key: formatHotkey(hotkeyOf('openDrafts')),
          }),
          autoClose: 6000,
        });
    };
    return createDraftWriter(send);
  }, [api, call, i18n]);

  // What the form showed at the last render: when the draft changes, the one it left is parked.
  const shown = useRef({ draftId, values, initial: true });
  useEffect(() => {
    const left = shown.current;
    shown.current = { draftId, values, initial: left.initial && left.draftId === draftId };
    if (left.draftId !== draftId && hasContent(left.values)) writer.write({ id: left.draftId, body: { ...left.values }, parked: true });
    if (hasContent(values)) writer.write({ id: draftId, body: { ...values }, parked: false });
  }, [writer, values, draftId]);

  const restored = useRef(false);
  useEffect(() => {
    if (link !== 'open' || restored.current) return;
    restored.current = true;
    const current = api.calls.current().catch(() => null); // no session yet: no call to restore into
    void call(() => api.drafts.list(), { failure: 'restoreDraft', background: true }).then(async (drafts) => {
      const onCall = await current;
      // The agent typed, or a call popped, before the answer came: what is in the form now stays.
      if (!drafts || !shown.current.initial || hasContent(shown.current.values)) return;
      const answered = onCall?.state === 'answered' ? onCall : null;
      const draft = draftToRestore(drafts, answered?.id ?? null);
      if (draft) {
        restore(draft.id, fromDraft(draft.body));
        setSaved({ draftId: draft.id, at: draft.updatedAt });
      } else if (answered) startOver(intakeForCall(answered));
    });
  }, [api, call, link, restore, startOver]);

  return saved?.draftId === draftId ? saved.at : null;
}
