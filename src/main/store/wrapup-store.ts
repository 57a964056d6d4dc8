import type { WrapUpOutcome } from '../../shared/domain/reference';
import { refusedChange } from '../../shared/result';
import type { Db } from './database';
import { prepared } from './prepared';
import { referenceItems } from './reference-store';

export interface WrapUpChoice {
  code: string;
  zh: string;
  en: string;
  proposedFor: WrapUpOutcome | null;
}

/** The cached wrap-up codes in the centre's order (the digit an agent presses stays put). */
export function wrapUpChoices(db: Db): WrapUpChoice[] {
  return inCentreOrder(referenceItems(db, ['wrapup'])).map(({ code, body }) => ({
    code,
    zh: body.zh,
    en: body.en,
    proposedFor: body.proposedFor ?? null,
  }));
}

/** The cached break reasons in the centre's order. */
export const breakReasonChoices = (db: Db) =>
  inCentreOrder(referenceItems(db, ['breakReason'])).map(({ code, body }) => ({ code, zh: body.zh, en: body.en }));

/** Items a list shows with a digit each: by their `order`, then code, so the digits stay put. */
function inCentreOrder<T extends { code: string; body: { order?: number | undefined } }>(items: readonly T[]): T[] {
  const order = (item: T) => item.body.order ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => order(a) - order(b) || a.code.localeCompare(b.code));
}

/** What a call led to, from the ticket it registered or followed up; null when it led to none. */
export function callOutcome(db: Db, callId: string): WrapUpOutcome | null {
  const row = prepared<[string, string], { resolution: string | null; followed: number }>(
    db,
    `SELECT t.state ->> '$.resolution' AS resolution,
       EXISTS (SELECT 1 FROM json_each(t.state, '$.followUps') f WHERE f.value ->> '$.callId' = ?) AS followed
     FROM calls c JOIN tickets t ON t.id = c.ticket_id WHERE c.id = ?`,
  ).get(callId, callId);
  if (!row) return null;
  return row.followed ? 'follow_up' : row.resolution === 'direct_answer' ? 'direct_answer' : 'ticket';
}

/**
 * Keeps the code with the call, to be reported to the server by the next sync. A code that is
 * not among the cached wrap-up codes is refused and changes nothing.
 */
export function saveWrapUp(db: Db, callId: string, code: string, at: string): void {
  if (!wrapUpChoices(db).some((c) => c.code === code)) throw refusedChange({ code: 'unknown_wrapup', params: { code } });
  db.prepare(`UPDATE calls SET wrapup_code = ?, wrapup_at = ?, wrapup_report = 'pending', wrapup_refusal = NULL WHERE id = ?`).run(
    code,
    at,
    callId,
  );
}

export interface PendingWrapUp {
  callId: string;
  code: string;
  at: string;
}

export const pendingWrapUps = (db: Db, limit: number): PendingWrapUp[] =>
  prepared<[number], PendingWrapUp>(
    db,
    `SELECT id AS callId, wrapup_code AS code, wrapup_at AS at FROM calls WHERE wrapup_report = 'pending' ORDER BY wrapup_at LIMIT ?`,
  ).all(limit);

/**
 * The server's answer to one report. Only the code it was about is marked: a newer code given while
 * the report was on its way stays pending and is sent next.
 */
export function markWrapUpReported(db: Db, report: PendingWrapUp, answer: { sent: true } | { sent: false; refusal: string }): void {
  db.prepare(
    `UPDATE calls SET wrapup_report = ?, wrapup_refusal = ? WHERE id = ? AND wrapup_code = ? AND wrapup_at = ? AND wrapup_report = 'pending'`,
  ).run(answer.sent ? 'sent' : 'refused', answer.sent ? null : answer.refusal, report.callId, report.code, report.at);
}
