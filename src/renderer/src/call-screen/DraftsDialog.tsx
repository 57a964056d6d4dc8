import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/contract/drafts';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import { fromDraft, type IntakeValues } from './intake-form';
import { PickDialog, type PickItem } from './PickDialog';
import { draftCaller } from './use-draft-autosave';

/** How much of the description the list shows: enough to tell two drafts of one caller apart. */
const firstWordsLength = 40;

const firstWords = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > firstWordsLength ? `${flat.slice(0, firstWordsLength)}…` : flat;
};

/**
 * The drafts list (Alt+Shift+D): every open intake draft, newest first, with the caller, when it
 * was last typed in and its first words; Enter brings one back into the form (the draft in the
 * form is parked in its place). Mounted for each opening, so it lists what is there now.
 */
export function DraftsDialog({
  currentDraftId,
  onPick,
  onClose,
}: {
  currentDraftId: string;
  onPick: (draftId: string, values: IntakeValues) => void;
  /** Stable across renders: the list is loaded once per opening. */
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  useEffect(() => {
    let live = true;
    void call(() => api.drafts.list(), { failure: 'listDrafts' }).then((listed) => {
      if (!live) return;
      if (listed) setDrafts(listed.filter((d) => d.kind === 'intake'));
      else onClose();
    });
    return () => {
      live = false;
    };
  }, [api, call, onClose]);
  if (!drafts) return null;

  const time = (at: string) =>
    new Date(at).toLocaleString(i18n.language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const items: PickItem[] = drafts.map((draft) => {
    const values = fromDraft(draft.body);
    const mark = draft.id === currentDraftId ? ` · ${t('drafts.inForm')}` : '';
    return {
      id: draft.id,
      label: `${draftCaller(values) || t('drafts.noCaller')} · ${time(draft.updatedAt)}${mark}`,
      detail: firstWords(values.description) || t('drafts.noDescription'),
      search: `${values.callerPhone} ${values.callerName} ${values.description}`,
    };
  });
  return (
    <PickDialog
      opened
      title={t('actions.openDrafts.label')}
      items={items}
      onPick={(item) => {
        const draft = drafts.find((d) => d.id === item.id);
        if (draft) onPick(draft.id, fromDraft(draft.body));
      }}
      onClose={onClose}
      testId="drafts-list"
    />
  );
}
