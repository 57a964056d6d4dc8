/** API keys of Open311 clients (311 apps, dashboards): only hashes are kept; admins issue and revoke them. */
export const open311 = {
  version: 3,
  name: 'open311',
  sql: `
    CREATE TABLE open311_keys (
      id         uuid PRIMARY KEY,
      name       text NOT NULL UNIQUE,
      key_hash   text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
    INSERT INTO counters (name, value) VALUES ('open311_seq', 0);
  `,
};
