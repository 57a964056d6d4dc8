import type { Migration } from './index';

/**
 * A draft the agent left for another call is parked: it waits in the drafts list, and a restart
 * brings back only the draft that was in the form. A closed draft (its ticket was made) keeps its
 * id with an empty body, so that a save still on its way cannot bring it back.
 */
export const parkedDrafts: Migration = {
  version: 9,
  name: 'parked-drafts',
  sql: `
    ALTER TABLE drafts ADD COLUMN parked_at TEXT;
    ALTER TABLE drafts ADD COLUMN closed_at TEXT;
  `,
};
