import type { Migration } from './index';

/**
 * Caller lookups go by phone key (0003), so the index on the number as typed only costs: one more
 * index written for every ticket, all over the file (numbers are random), and its pages in the cache.
 */
export const unusedPhoneIndex: Migration = {
  version: 6,
  name: 'unused-phone-index',
  sql: `
    DROP INDEX tickets_by_phone;
  `,
};
