import type { Migration } from './index';

/**
 * A refused event keeps its refusal as a code and parameters (JSON), which the UI translates;
 * `reject_reason` keeps the English words for logs. An event refused before this has only the
 * words, and is read as a `legacy` refusal carrying them (`openRejections`, `timelineOf`).
 */
export const refusalCodes: Migration = {
  version: 8,
  name: 'refusal-codes',
  sql: `
    ALTER TABLE ticket_events ADD COLUMN reject_code TEXT;
    ALTER TABLE ticket_events ADD COLUMN reject_params TEXT CHECK (reject_params IS NULL OR json_valid(reject_params));
  `,
};
