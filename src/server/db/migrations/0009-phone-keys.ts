import { phoneKey } from '../../../shared/domain/phone';
import type { Queryable } from '../database';
import { sql } from '../sql';
import type { ServerMigration } from '../migrate';

/**
 * Tickets keep the caller's number as it was typed (for display) and, beside it, its key
 * (`src/shared/domain/phone.ts`): digits only, one for every way of writing one number, so a
 * caller is found by any of them. The index on the number as typed found nobody who wrote it
 * another way; the key's index replaces it.
 */
export const phoneKeys: ServerMigration = {
  version: 9,
  name: 'phone-keys',
  sql: `
    ALTER TABLE tickets ADD COLUMN caller_phone_key text;
    DROP INDEX tickets_by_phone;
    CREATE INDEX tickets_by_phone_key ON tickets (caller_phone_key, created_at) WHERE caller_phone_key IS NOT NULL;
  `,
  backfill: async (tx: Queryable) => {
    // A page at a time, so a centre with millions of tickets never holds them all in memory.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await tx.query<{ id: string; caller_phone: string }>(
        sql`SELECT id, caller_phone FROM tickets WHERE caller_phone IS NOT NULL AND id > ${after}::uuid ORDER BY id LIMIT 1000`,
      );
      if (rows.length === 0) return;
      const keyed = rows.flatMap((r) => {
        const key = phoneKey(r.caller_phone);
        return key ? [{ id: r.id, key }] : [];
      });
      if (keyed.length > 0)
        await tx.query(
          sql`UPDATE tickets SET caller_phone_key = k.key
            FROM unnest(${keyed.map((k) => k.id)}::uuid[], ${keyed.map((k) => k.key)}::text[]) AS k (id, key) WHERE tickets.id = k.id`,
        );
      after = rows[rows.length - 1]!.id;
    }
  },
};
