import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { AppError, refusedChange } from '../../shared/result';

/**
 * Stores the wrap-up code of a call the agent answered. The code must be a current `wrapup`
 * reference item; a call answered by someone else is theirs to sum up.
 */
export async function recordWrapUp(
  db: Queryable,
  wrapUp: { callId: string; code: string; username: string },
): Promise<{ callId: string; code: string; at: string }> {
  const { callId, code, username } = wrapUp;
  const [call] = await db.query<{ answered_by: string | null }>(sql`SELECT answered_by FROM calls WHERE id = ${callId}`);
  if (!call) throw new AppError('not_found', `There is no call ${callId}: the phone switch never reported it.`);
  if (call.answered_by !== username)
    throw new AppError(
      'forbidden',
      `Call ${callId} was answered by ${call.answered_by ?? 'nobody'}: only that agent gives it a wrap-up code.`,
    );
  const known = await db.query(sql`SELECT 1 FROM reference_items WHERE kind = 'wrapup' AND code = ${code} AND NOT deleted`);
  if (known.length === 0) throw refusedChange({ code: 'unknown_wrapup', params: { code } });
  const [row] = await db.query<{ wrapup_at: Date }>(
    sql`UPDATE calls SET wrapup_code = ${code}, wrapup_by = ${username}, wrapup_at = now() WHERE id = ${callId} RETURNING wrapup_at`,
  );
  return { callId, code, at: row!.wrapup_at.toISOString() };
}
