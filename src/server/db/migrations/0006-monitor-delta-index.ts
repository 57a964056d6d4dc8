/**
 * After every push, each server process sends its leads the tickets changed since the last delta
 * (`ticketsChangedAfter`: `last_seq > $1`). Without an index that read every ticket: with a
 * million on the server, 300-500 ms per push (npm run bench, measure 6), and it grows with the year.
 */
export const monitorDeltaIndex = {
  version: 6,
  name: 'monitor-delta-index',
  sql: `
    CREATE INDEX tickets_by_last_seq ON tickets (last_seq);
  `,
};
