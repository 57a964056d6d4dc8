import { type Refusal, type RefusalCode, type RefusalParams, refusalSchema } from './refusal';

/**
 * One refusal of each code, for the tests that say each in every language (English for logs, both
 * UI languages); a new code without an example here fails to compile.
 */
const params: { [C in RefusalCode]: RefusalParams<C> } = {
  ticket_exists: { ticketId: '01900000-0000-7000-8000-000000000001' },
  unknown_ticket: { ticketId: '01900000-0000-7000-8000-000000000001' },
  wrong_ticket: { ticketId: '01900000-0000-7000-8000-000000000001', expected: '01900000-0000-7000-8000-000000000002' },
  invalid_transition: { eventType: 'updated', status: 'closed' },
  unit_not_dispatched: { unitCode: 'street:110105017' },
  no_extension_request: {},
  invalid_resolution: { resolution: 'direct_answer', status: 'dispatched' },
  merged_into_self: {},
  duplicate_of_self: {},
  already_dispatched: {},
  already_numbered: { officialNo: '2026112900123' },
  not_linked_duplicate: {},
  not_merged: { status: 'closed' },
  urge_on_time: { dueAt: '2026-12-02T09:00:00.000Z' },
  no_jurisdiction: { target: 'street' },
  malformed: { path: 'payload.fields.description', detail: 'payload.fields.description: Too big' },
  unsafe_text: { path: 'payload.text', codePoint: 'U+0000', position: 3, kind: 'control character' },
  time_ahead: { at: '2026-12-01T09:00:00.000Z', serverTime: '2026-12-01T08:00:00.000Z', minutes: 60 },
  time_too_old: { at: '1970-01-01T00:00:00.000Z', serverTime: '2026-12-01T08:00:00.000Z' },
  unknown_unit: { code: 'company:nobody' },
  unknown_category: { code: 'water.nothing' },
  unknown_district: { code: '999999' },
  unknown_street: { code: '110105999' },
  unknown_wrapup: { code: 'chatted' },
  unknown_break_reason: { code: 'nap' },
  provisional_number_taken: { provisionalNo: 'K7Q2-000001', origin: 'K7Q2' },
  field_conflict: { fields: ['callerWants', 'urgency'], actor: 'agent2' },
  server_only: { eventType: 'numbered' },
  actor_mismatch: { actor: 'agent2', user: 'agent1' },
  unit_event: { eventType: 'unit_accepted', role: 'agent' },
  hotline_event: { eventType: 'note' },
  lead_event: { eventType: 'urged', role: 'agent' },
  other_unit: { unitCode: 'company:heating', ownUnit: 'street:110105017' },
  too_large: { kib: 1759, maxKib: 512 },
  unreadable: { detail: 'at: must be a UTC time' },
  server_refused: { status: 400, detail: 'stand-in failure 400' },
  server_failed: { status: 500, failures: 3 },
  legacy: { reason: 'cannot apply "closed" to a ticket that is closed' },
};

export const refusalExamples: Refusal[] = Object.entries(params).map(([code, p]) => refusalSchema.parse({ code, params: p }));
