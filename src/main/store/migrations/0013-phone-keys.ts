import { phoneKey } from '../../../shared/domain/phone';
import type { Migration } from './index';

/**
 * Phone keys follow the numbering plan now: full-width digits are read (they had no key, so those
 * callers had no history) and a 10-digit "mobile" is no number (it had one). Every key stored is
 * derived again from the number as typed, which stays as it was for display.
 */
export const phoneKeys: Migration = {
  version: 13,
  name: 'phone-keys',
  sql: ``,
  backfill: (db) => {
    const rekey = (table: 'tickets' | 'calls', number: string) => {
      const rows = db
        .prepare<[], { id: string; number: string | null; key: string | null }>(
          `SELECT id, ${number} AS number, phone_key AS key FROM ${table}`,
        )
        .all();
      const update = db.prepare<[string | null, string]>(`UPDATE ${table} SET phone_key = ? WHERE id = ?`);
      for (const row of rows) {
        const key = phoneKey(row.number);
        if (key !== row.key) update.run(key, row.id);
      }
    };
    rekey('tickets', 'caller_phone');
    rekey('calls', `CASE direction WHEN 'in' THEN from_number ELSE to_number END`);
  },
};
