/**
 * A lead's notice stays on the agents' status bars until it expires or a lead withdraws it, so an
 * agent who signs in or reloads later still sees it. Notices sent before this had no lifetime:
 * they count as expired when sent, so none of them comes back.
 */
export const noticeExpiry = {
  version: 10,
  name: 'notice-expiry',
  sql: `
    ALTER TABLE notices
      ADD COLUMN expires_at   timestamptz,
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdrawn_by uuid REFERENCES users (id);
    UPDATE notices SET expires_at = sent_at;
    ALTER TABLE notices ALTER COLUMN expires_at SET NOT NULL;
    CREATE INDEX notices_in_force ON notices (expires_at) WHERE withdrawn_at IS NULL;
  `,
};
