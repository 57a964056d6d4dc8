import type { CallerDetails } from '../../shared/contract/callers';
import type { Db } from './database';
import { prepared } from './prepared';

interface DetailsRow {
  caller_name: string | null;
  district_code: string | null;
  street_code: string | null;
  address_detail: string | null;
}

/** How far back the offer looks: a caller's name and address are the ones they gave lately. */
const recentTickets = 5;

/**
 * The name from the newest of the caller's last tickets that has one, and the address (district,
 * street and detail together, never mixed from two tickets) from the newest that has one. Only
 * whole tickets are read: the caller index of older ones keeps no name or address.
 */
export function callerDetails(db: Db, phoneKey: string): CallerDetails | null {
  const rows = prepared<[string, number], DetailsRow>(
    db,
    `SELECT caller_name, district_code, street_code, t.state ->> '$.fields.addressDetail' AS address_detail
     FROM tickets t WHERE t.phone_key = ? ORDER BY t.created_at DESC LIMIT ?`,
  ).all(phoneKey, recentTickets);
  const named = rows.find((r) => r.caller_name);
  const placed = rows.find((r) => r.district_code || r.street_code || r.address_detail);
  if (!named && !placed) return null;
  return {
    callerName: named?.caller_name ?? null,
    districtCode: placed?.district_code ?? null,
    streetCode: placed?.street_code ?? null,
    addressDetail: placed?.address_detail ?? null,
  };
}
