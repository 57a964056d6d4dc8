import { draftMaxAgeDays } from '../../shared/contract/drafts';
import { discardDraft, expireDrafts, getDraft, listDrafts, saveDraft } from '../store/drafts-store';
import type { CoreDeps, DomainHandlers } from './types';

const dayMs = 24 * 60 * 60 * 1000;

export const draftsHandlers = ({ db, now }: CoreDeps): DomainHandlers<'drafts'> => ({
  save: (draft) => {
    const savedAt = now().toISOString();
    return { savedAt, kept: saveDraft(db, draft, savedAt) };
  },
  get: ({ id }) => getDraft(db, id),
  list: () => {
    expireDrafts(db, new Date(now().getTime() - draftMaxAgeDays * dayMs).toISOString());
    return listDrafts(db);
  },
  discard: ({ id }) => ({ discarded: discardDraft(db, id, now().toISOString()) }),
});
