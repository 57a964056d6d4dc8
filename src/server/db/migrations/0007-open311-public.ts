/**
 * What Open311 may show of a ticket, kept apart from the ticket itself: a request filed through
 * Open311 keeps what its submitter posted (later edits by the hotline, which may add what a caller
 * said in confidence, never reach it), and a hotline ticket a lead published shows only the public
 * summary written for it. A ticket without a row here does not exist to Open311.
 */
export const open311Public = {
  version: 7,
  name: 'open311-public',
  sql: `
    CREATE TABLE open311_public (
      ticket_id    uuid PRIMARY KEY REFERENCES tickets (id),
      source       text NOT NULL CHECK (source IN ('open311', 'published')),
      created_at   timestamptz NOT NULL,
      description  text NOT NULL,
      address      text,
      address_id   text,
      lat          double precision,
      long         double precision,
      media_url    text,
      published_by text,
      published_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((lat IS NULL) = (long IS NULL))
    );
    CREATE INDEX open311_public_by_created ON open311_public (created_at DESC, ticket_id DESC);

    -- Requests filed through Open311 before this table: the server itself pushed their created event
    -- (no user), as the client named in its actor.
    INSERT INTO open311_public (ticket_id, source, created_at, description, address, lat, long, media_url, published_at)
    SELECT t.id, 'open311', t.created_at,
           coalesce(e.payload -> 'fields' ->> 'description', ''),
           e.payload -> 'fields' ->> 'addressDetail',
           (e.payload -> 'fields' ->> 'latitude')::double precision,
           (e.payload -> 'fields' ->> 'longitude')::double precision,
           e.payload -> 'fields' ->> 'mediaUrl',
           t.created_at
    FROM events e JOIN tickets t ON t.id = e.ticket_id
    WHERE e.type = 'created' AND e.user_id IS NULL AND e.origin = 'open311' AND e.actor LIKE 'open311:%'
      AND e.payload -> 'fields' ->> 'channel' = 'open311';
  `,
};
