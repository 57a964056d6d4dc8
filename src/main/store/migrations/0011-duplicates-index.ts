import type { Migration } from './index';

/** The ticket view lists the duplicates of a ticket; without an index that read every ticket's state. */
export const duplicatesIndex: Migration = {
  version: 11,
  name: 'duplicates-index',
  sql: `
    CREATE INDEX tickets_by_duplicate_of ON tickets (state ->> '$.duplicateOf') WHERE state ->> '$.duplicateOf' IS NOT NULL;
  `,
};
