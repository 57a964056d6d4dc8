import { discardDraft, getDraft, listDrafts, saveDraft } from '../store/drafts-store';
import type { CoreDeps, DomainHandlers } from './types';

export const draftsHandlers = ({ db, now }: CoreDeps): DomainHandlers<'drafts'> => ({
  save: (draft) => {
    const savedAt = now().toISOString();
    saveDraft(db, draft, savedAt);
    return { savedAt };
  },
  get: ({ id }) => getDraft(db, id),
  list: () => listDrafts(db),
  discard: ({ id }) => ({ discarded: discardDraft(db, id) }),
});
