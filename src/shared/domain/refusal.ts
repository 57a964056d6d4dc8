import { z } from 'zod';

/**
 * Why a change was refused, as a code and its parameters: the one form every refusal takes —
 * the ticket fold, the server's checks of a pushed event, the workstation's own verdicts on its
 * outbox — so the UI can say it in the agent's language. `refusalMessage` says it in English for
 * logs, operators and the Open311 answer; nothing reads a message to learn what happened.
 */
const variant = <C extends string, P extends z.ZodRawShape>(code: C, params: P) =>
  z.strictObject({ code: z.literal(code), params: z.strictObject(params) });

const text = z.string();
const count = z.number().int().nonnegative();
const unsafeKind = z.enum(['control character', 'lone surrogate', 'noncharacter']);

export const refusalSchema = z.discriminatedUnion('code', [
  // The fold: the event against the ticket as it is.
  variant('ticket_exists', { ticketId: text }),
  variant('unknown_ticket', { ticketId: text }),
  variant('wrong_ticket', { ticketId: text, expected: text }),
  variant('invalid_transition', { eventType: text, status: text }),
  variant('unit_not_dispatched', { unitCode: text }),
  variant('no_extension_request', {}),
  variant('invalid_resolution', { resolution: text, status: text }),
  variant('merged_into_self', {}),
  variant('duplicate_of_self', {}),
  variant('already_dispatched', {}),
  variant('already_numbered', { officialNo: text }),
  /** A merge asks for the original the ticket was linked to as a duplicate. */
  variant('not_linked_duplicate', {}),
  /** Only a ticket closed as merged can be unmerged. */
  variant('not_merged', { status: text }),
  /** A unit is urged only on an order at risk or overdue; `dueAt` is when its feedback is due. */
  variant('urge_on_time', { dueAt: text }),
  // Routing: the address names no place a rule can route to.
  variant('no_jurisdiction', { target: z.enum(['street', 'district']) }),
  // The server's checks of a pushed event's content.
  /** `detail` is the schema's own English account, for logs only. */
  variant('malformed', { path: text, detail: text }),
  /** `position` counts from 1, in UTF-16 code units. */
  variant('unsafe_text', { path: text, codePoint: text, position: count, kind: unsafeKind }),
  variant('time_ahead', { at: text, serverTime: text, minutes: count }),
  variant('time_too_old', { at: text, serverTime: text }),
  variant('unknown_unit', { code: text }),
  variant('unknown_category', { code: text }),
  variant('unknown_district', { code: text }),
  variant('unknown_street', { code: text }),
  variant('unknown_wrapup', { code: text }),
  variant('unknown_break_reason', { code: text }),
  variant('provisional_number_taken', { provisionalNo: text, origin: text }),
  variant('field_conflict', { fields: z.array(text), actor: text }),
  // Who may push what.
  variant('server_only', { eventType: text }),
  variant('actor_mismatch', { actor: text, user: text }),
  variant('unit_event', { eventType: text, role: text }),
  variant('hotline_event', { eventType: text }),
  variant('lead_event', { eventType: text, role: text }),
  variant('other_unit', { unitCode: text, ownUnit: text.nullable() }),
  // The workstation's own verdicts on an outbox entry it cannot deliver.
  variant('too_large', { kib: count, maxKib: count }),
  /** `detail`: what this version's checks say, for logs only. */
  variant('unreadable', { detail: text }),
  /** `detail`: the server's own message, for logs only. */
  variant('server_refused', { status: count, detail: text }),
  variant('server_failed', { status: count, failures: count }),
  /** Refused before refusals had codes: the English words stored then, all there is to show. */
  variant('legacy', { reason: text }),
]);
export type Refusal = z.infer<typeof refusalSchema>;
export type RefusalCode = Refusal['code'];
export type RefusalParams<C extends RefusalCode> = Extract<Refusal, { code: C }>['params'];

export const refusalCodes: readonly RefusalCode[] = refusalSchema.options.map((option) => option.shape.code.value);

const quoted = (fields: readonly string[]) => fields.map((f) => `"${f}"`).join(', ');

const english: { [C in RefusalCode]: (p: RefusalParams<C>) => string } = {
  ticket_exists: (p) => `ticket ${p.ticketId} already exists`,
  unknown_ticket: (p) => `ticket ${p.ticketId} does not exist`,
  wrong_ticket: (p) => `event belongs to ticket ${p.ticketId}, not ${p.expected}`,
  invalid_transition: (p) => `cannot apply "${p.eventType}" to a ticket that is ${p.status}`,
  unit_not_dispatched: (p) => `${p.unitCode} is not a unit this ticket is dispatched to`,
  no_extension_request: () => 'there is no extension request to decide',
  invalid_resolution: (p) =>
    p.resolution === 'direct_answer'
      ? 'only a ticket not yet dispatched can be closed as a direct answer'
      : p.resolution === 'resolved'
        ? 'a ticket is resolved after the unit has reported back'
        : `a ticket that is ${p.status} cannot be closed as ${p.resolution}`,
  merged_into_self: () => 'a ticket cannot be merged into itself',
  duplicate_of_self: () => 'a ticket cannot duplicate itself',
  already_dispatched: () => 'cannot apply "dispatched" to a ticket that is dispatched unless it is a reassignment',
  already_numbered: (p) => `ticket already has official number ${p.officialNo}`,
  not_linked_duplicate: () => 'This ticket is not linked as a duplicate of another; link it at intake (Alt+D) first.',
  not_merged: (p) => `only a ticket merged into another can be unmerged; this one is ${p.status} and was not merged`,
  urge_on_time: (p) => `this order is on time (the unit's feedback is due ${p.dueAt}); urge the unit once it is at risk or overdue`,
  no_jurisdiction: (p) =>
    p.target === 'street' ? 'the address has no street/township or district to route to' : 'the address has no district to route to',
  malformed: (p) => `invalid event: ${p.detail}`,
  unsafe_text: (p) =>
    `invalid event: ${p.path}: contains a ${p.kind} (${p.codePoint}) at position ${p.position}, which cannot be stored; ` +
    'delete it (it often comes with pasted text) and send again',
  time_ahead: (p) =>
    `the event's time ${p.at} is ${p.minutes} minutes ahead of the server's clock (${p.serverTime}); ` +
    "set this workstation's clock right (automatic time) and make the change again",
  time_too_old: (p) =>
    `the event's time ${p.at} is more than a year before the server's clock (${p.serverTime}); ` +
    "this workstation's clock was wrong when it was made: set the clock right and make the change again",
  unknown_unit: (p) => unknownReference('unit', p.code),
  unknown_category: (p) => unknownReference('category', p.code),
  unknown_district: (p) => unknownReference('district', p.code),
  unknown_street: (p) => unknownReference('street', p.code),
  unknown_wrapup: (p) => unknownReference('wrap-up code', p.code),
  unknown_break_reason: (p) => unknownReference('break reason', p.code),
  provisional_number_taken: (p) =>
    `provisional number ${p.provisionalNo} is already used by another ticket: ` +
    `two workstations share the code ${p.origin}; give one a new code`,
  field_conflict: (p) => `${quoted(p.fields)} changed by ${p.actor} after you opened this ticket; review it and apply your change again`,
  server_only: (p) => `"${p.eventType}" events are made by the server only`,
  actor_mismatch: (p) => `the event's actor "${p.actor}" is not the signed-in user "${p.user}"`,
  unit_event: (p) => `"${p.eventType}" is reported by the handling unit; you are ${p.role}`,
  hotline_event: (p) => `a unit reports on its tickets (accept, progress, feedback, return, extension); "${p.eventType}" is the hotline's`,
  lead_event: (p) => `"${p.eventType}" is a team lead's to make; you are ${p.role}`,
  other_unit: (p) => `you act for ${p.ownUnit ?? 'no unit'}, not ${p.unitCode}`,
  too_large: (p) => `this change is too large to send (${p.kib} KiB; a push carries ${p.maxKib} KiB at most): make it again with less text`,
  unreadable: (p) => `this change cannot be sent: it does not pass this version's checks (${p.detail}); make it again`,
  server_refused: (p) => `the server refused this change (HTTP ${p.status}: ${p.detail}); correct it and make it again`,
  server_failed: (p) =>
    `the server failed on this change each of the ${p.failures} times it was sent (HTTP ${p.status}) while it took others, ` +
    'so it was not stored; check its text for unusual characters and make it again',
  legacy: (p) => p.reason,
};

function unknownReference(kind: string, code: string): string {
  return (
    `${kind} ${code} is not in the reference data (unknown, or retired since); ` +
    `sync this workstation's reference data, choose a current ${kind} and make the change again`
  );
}

/** The refusal in English, for logs and operators (and outward formats that are English by spec). */
export function refusalMessage(refusal: Refusal): string {
  return (english[refusal.code] as (p: Refusal['params']) => string)(refusal.params);
}
