import type { Migration } from './index';

/**
 * The wrap-up code the agent gave a call at hang-up, kept with the call, and whether the server
 * has it yet: `pending` until it answers, then `sent`, or `refused` with the refusal's code.
 */
export const callWrapUp: Migration = {
  version: 10,
  name: 'call-wrapup',
  sql: `
    ALTER TABLE calls ADD COLUMN wrapup_code TEXT;
    ALTER TABLE calls ADD COLUMN wrapup_at TEXT;
    ALTER TABLE calls ADD COLUMN wrapup_report TEXT CHECK (wrapup_report IN ('pending', 'sent', 'refused'));
    ALTER TABLE calls ADD COLUMN wrapup_refusal TEXT;
    CREATE INDEX calls_wrapup_pending ON calls (wrapup_at) WHERE wrapup_report = 'pending';
  `,
};
