import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { type Ticket, type TicketEvent, type TicketStatus, ticketEventSchema, ticketSchema, ticketStatuses } from './ticket';
import { applyEvent, foldTicket } from './ticket-fold';

/**
 * The work-order lifecycle: every status × every event, against a table written out
 * here by hand from the lifecycle in docs/architecture.md — not derived from the fold's own rules — plus the paths a
 * ticket really takes.
 */
const unit = 'street:110105017';
const ticketId = newId();
let minute = 0;
const event = (type: TicketEvent['type'], payload: unknown, actor = 'agent1'): TicketEvent =>
  ticketEventSchema.parse({
    id: newId(),
    ticketId,
    type,
    at: new Date(Date.UTC(2026, 10, 29, 8, minute++)).toISOString(),
    actor,
    origin: 'K7Q2',
    payload,
  });

const created = () =>
  event('created', {
    provisionalNo: 'K7Q2-000001',
    fields: {
      requestType: 'complaint',
      urgency: 'urgent',
      description: '暖气不热',
      channel: 'phone',
      streetCode: '110105017',
      districtCode: '110105',
    },
  });
const dispatch = () => event('dispatched', { unitCodes: [unit], leadUnitCode: unit });
const byUnit = (type: TicketEvent['type'], payload: Record<string, unknown> = {}) =>
  event(type, { unitCode: unit, ...payload }, `unit:${unit}`);

/** How to bring a ticket to each status. */
const pathTo: Record<TicketStatus, () => TicketEvent[]> = {
  registered: () => [created()],
  dispatched: () => [created(), dispatch()],
  accepted: () => [created(), dispatch(), byUnit('unit_accepted')],
  in_progress: () => [created(), dispatch(), byUnit('unit_accepted'), byUnit('unit_progress', { note: '已安排维修' })],
  returned: () => [created(), dispatch(), byUnit('unit_returned', { reason: '不属于本街道' })],
  feedback: () => [created(), dispatch(), byUnit('unit_accepted'), byUnit('unit_feedback', { summary: '已修复' })],
  closed: () => [created(), event('closed', { resolution: 'direct_answer', articleCode: 'kb-heating-season' })],
};

/** One valid example of each event (besides `created`). */
const examples: Record<Exclude<TicketEvent['type'], 'created'>, () => TicketEvent> = {
  updated: () => event('updated', { changes: { urgency: 'emergency' } }),
  note: () => event('note', { text: '补充说明' }),
  followed_up: () => event('followed_up', { note: '市民催办' }),
  linked_duplicate: () => event('linked_duplicate', { duplicateOf: newId() }),
  numbered: () => event('numbered', { officialNo: '2026112900001' }, 'server'),
  dispatched: () => dispatch(),
  unit_accepted: () => byUnit('unit_accepted'),
  unit_progress: () => byUnit('unit_progress', { note: '正在处理' }),
  unit_feedback: () => byUnit('unit_feedback', { summary: '已处理完毕' }),
  unit_returned: () => byUnit('unit_returned', { reason: '非本单位职责' }),
  extension_requested: () => byUnit('extension_requested', { hours: 48, reason: '需要协调供热公司' }),
  extension_decided: () => event('extension_decided', { approved: true }),
  callback_recorded: () => event('callback_recorded', { satisfaction: 'satisfied' }),
  closed: () => event('closed', { resolution: 'withdrawn' }),
  reopened: () => event('reopened', { reason: '市民不满意' }),
  unmerged: () => event('unmerged', { reason: '不是同一件事' }),
  urged: () => event('urged', { unitCode: unit, reason: '临期，请尽快办理' }, 'lead1'),
};

// Y: applies; '.': refused. Columns in the order of `ticketStatuses`. The closed ticket of `pathTo` is a direct
// answer, which no unmerge may open: a merged one is walked below.
//                      reg  dis  acc  inp  ret  fdb  clo
const expected = `
updated              Y    Y    Y    Y    Y    Y    .
note                 Y    Y    Y    Y    Y    Y    Y
followed_up          Y    Y    Y    Y    Y    Y    .
linked_duplicate     Y    Y    .    .    .    .    .
numbered             Y    Y    Y    Y    Y    Y    Y
dispatched           Y    .    .    .    Y    .    .
unit_accepted        .    Y    .    .    .    .    .
unit_progress        .    .    Y    Y    .    .    .
unit_feedback        .    .    Y    Y    .    .    .
unit_returned        .    Y    Y    Y    .    .    .
extension_requested  .    .    Y    Y    .    .    .
extension_decided    .    .    .    .    .    .    .
callback_recorded    .    .    .    .    .    Y    .
closed               Y    Y    .    .    Y    Y    .
reopened             .    .    .    .    .    .    Y
unmerged             .    .    .    .    .    .    .
urged                .    Y    Y    Y    .    .    .
`;
const table = new Map(
  expected
    .trim()
    .split('\n')
    .map((line) => {
      const [type, ...cells] = line.trim().split(/\s+/);
      return [type!, cells.map((c) => c === 'Y')] as const;
    }),
);

describe('every status × every event', () => {
  it('covers every event type and status', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(examples).sort());
    for (const cells of table.values()) expect(cells).toHaveLength(ticketStatuses.length);
  });

  for (const [status, path] of Object.entries(pathTo) as [TicketStatus, () => TicketEvent[]][]) {
    for (const [type, example] of Object.entries(examples) as [keyof typeof examples, () => TicketEvent][]) {
      const allowed = table.get(type)![ticketStatuses.indexOf(status)]!;
      it(`${allowed ? 'applies' : 'refuses'} ${type} on a ${status} ticket`, () => {
        const { ticket, rejected } = foldTicket(path());
        expect(rejected).toEqual([]);
        expect(ticket!.status).toBe(status);
        const result = applyEvent(ticket, example());
        // extension_decided needs a pending request: refused everywhere above, allowed below.
        expect(result.ok, result.ok ? '' : JSON.stringify(result.refusal)).toBe(allowed);
      });
    }
  }
});

describe('the paths a ticket takes', () => {
  const fold = (events: TicketEvent[]): Ticket => {
    const { ticket, rejected } = foldTicket(events);
    expect(rejected).toEqual([]);
    return ticket!;
  };

  it('dispatched → accepted → in progress → feedback → satisfied callback → closed', () => {
    const events = [
      created(),
      dispatch(),
      byUnit('unit_accepted'),
      byUnit('unit_progress', { note: '已派维修工' }),
      byUnit('unit_feedback', { summary: '阀门已更换' }),
      event('callback_recorded', { satisfaction: 'basically_satisfied', note: '市民基本满意' }),
    ];
    const ticket = fold(events);
    expect(ticket).toMatchObject({
      status: 'closed',
      resolution: 'resolved',
      satisfaction: 'basically_satisfied',
      dispatchedAt: events[1]!.at,
      acceptedAt: events[2]!.at,
      feedback: { unitCode: unit, summary: '阀门已更换', at: events[4]!.at },
      closedAt: events[5]!.at,
    });
  });

  it('an unsatisfied callback sends the ticket back to the same unit on a new clock', () => {
    const events = [...pathTo.feedback(), event('callback_recorded', { satisfaction: 'unsatisfied', note: '仍然不热' })];
    const ticket = fold(events);
    expect(ticket).toMatchObject({
      status: 'dispatched',
      unitCodes: [unit],
      redoCount: 1,
      dispatchedAt: events.at(-1)!.at,
      feedback: null,
      satisfaction: 'unsatisfied',
    });
    expect(
      fold([
        ...events,
        byUnit('unit_accepted'),
        byUnit('unit_feedback', { summary: '重新维修' }),
        event('callback_recorded', { satisfaction: 'satisfied' }),
      ]).status,
    ).toBe('closed');
  });

  it('a lead reassigns a ticket the unit has not accepted yet: the new unit, a new clock, the old unit out', () => {
    expect(
      applyEvent(
        fold([...pathTo.accepted()]),
        event('dispatched', {
          unitCodes: ['company:heating'],
          leadUnitCode: 'company:heating',
          reassign: true,
          reason: '供热问题归热力公司',
        }),
      ),
    ).toMatchObject({ ok: false });
    const reassigned = fold([
      ...pathTo.dispatched(),
      event('dispatched', {
        unitCodes: ['company:heating'],
        leadUnitCode: 'company:heating',
        reassign: true,
        reason: '供热问题归热力公司',
      }),
    ]);
    expect(reassigned).toMatchObject({ status: 'dispatched', unitCodes: ['company:heating'], leadUnitCode: 'company:heating' });
    const notDispatched = { ok: false, refusal: { code: 'unit_not_dispatched', params: { unitCode: unit } } };
    expect(applyEvent(reassigned, byUnit('unit_accepted'))).toEqual(notDispatched);
  });

  it('a returned ticket keeps the reason and is re-dispatched elsewhere; the old unit can no longer act', () => {
    const returned = fold(pathTo.returned());
    expect(returned).toMatchObject({ status: 'returned', returnReason: '不属于本街道', unitCodes: [], leadUnitCode: null });
    const redispatched = fold([
      ...pathTo.returned(),
      event('dispatched', { unitCodes: ['company:heating'], leadUnitCode: 'company:heating' }),
    ]);
    expect(redispatched).toMatchObject({ status: 'dispatched', unitCodes: ['company:heating'], returnReason: null });
    const notDispatched = { ok: false, refusal: { code: 'unit_not_dispatched', params: { unitCode: unit } } };
    expect(applyEvent(redispatched, byUnit('unit_accepted'))).toEqual(notDispatched);
  });

  it('extends the feedback time only when the hotline approves a pending request', () => {
    const asked = [...pathTo.accepted(), byUnit('extension_requested', { hours: 48, reason: '需协调' })];
    expect(fold(asked).extensionRequest).toMatchObject({ hours: 48 });
    expect(fold([...asked, event('extension_decided', { approved: true })])).toMatchObject({ extensionHours: 48, extensionRequest: null });
    expect(fold([...asked, event('extension_decided', { approved: false, note: '时限内可完成' })])).toMatchObject({
      extensionHours: 0,
      extensionRequest: null,
    });
    expect(applyEvent(fold(pathTo.accepted()), event('extension_decided', { approved: true }))).toEqual({
      ok: false,
      refusal: { code: 'no_extension_request', params: {} },
    });
  });

  it('closes as a direct answer only before dispatch, as resolved only after feedback, and merges into another ticket', () => {
    expect(fold([created(), event('closed', { resolution: 'direct_answer', articleCode: 'kb-1' })])).toMatchObject({
      status: 'closed',
      resolution: 'direct_answer',
      articleCode: 'kb-1',
    });
    expect(applyEvent(fold(pathTo.dispatched()), event('closed', { resolution: 'direct_answer' }))).toEqual({
      ok: false,
      refusal: { code: 'invalid_resolution', params: { resolution: 'direct_answer', status: 'dispatched' } },
    });
    expect(applyEvent(fold(pathTo.dispatched()), event('closed', { resolution: 'resolved' }))).toEqual({
      ok: false,
      refusal: { code: 'invalid_resolution', params: { resolution: 'resolved', status: 'dispatched' } },
    });
    const other = newId();
    expect(fold([created(), event('closed', { resolution: 'merged', mergedInto: other })])).toMatchObject({
      status: 'closed',
      resolution: 'merged',
      mergedInto: other,
    });
    expect(
      ticketEventSchema.safeParse({ ...event('closed', { resolution: 'withdrawn' }), payload: { resolution: 'merged' } }).success,
    ).toBe(false);
    expect(applyEvent(fold(pathTo.registered()), event('closed', { resolution: 'merged', mergedInto: ticketId }))).toEqual({
      ok: false,
      refusal: { code: 'merged_into_self', params: {} },
    });
  });

  it('reopens a closed ticket for routing again', () => {
    expect(fold([...pathTo.closed(), event('reopened', { reason: '问题再次出现' })])).toMatchObject({
      status: 'registered',
      resolution: null,
      closedAt: null,
      unitCodes: [],
    });
  });

  describe('unmerge gives a merged ticket back as it stood', () => {
    const original = newId();
    const merge = () => event('closed', { resolution: 'merged', mergedInto: original });
    const unmerge = () => event('unmerged', { reason: '不是同一件事' });
    const open: TicketStatus[] = ['registered', 'dispatched', 'returned', 'feedback'];

    for (const status of open) {
      it(`a ${status} ticket merged and unmerged is the ticket it was, but for when it was last touched`, () => {
        const path = pathTo[status]();
        const merged = fold([...path, merge()]);
        expect(merged).toMatchObject({ status: 'closed', resolution: 'merged', mergedInto: original, statusBeforeMerge: status });
        const before = fold(path);
        const unmerged = fold([...path, merge(), unmerge()]);
        expect({ ...unmerged, updatedAt: before.updatedAt, eventCount: before.eventCount }).toEqual(before);
        expect(unmerged.eventCount).toBe(before.eventCount + 2);
      });
    }

    it('keeps the units, clocks and feedback, so the unit can act again and a callback can be recorded', () => {
      const unmerged = fold([...pathTo.feedback(), merge(), unmerge()]);
      expect(unmerged).toMatchObject({
        status: 'feedback',
        unitCodes: [unit],
        feedback: { summary: '已修复' },
        closedAt: null,
        mergedInto: null,
      });
      expect(applyEvent(unmerged, event('callback_recorded', { satisfaction: 'satisfied' }))).toMatchObject({ ok: true });
    });

    it('may be merged again after it was unmerged', () => {
      const again = fold([...pathTo.registered(), merge(), unmerge(), merge()]);
      expect(again).toMatchObject({ status: 'closed', resolution: 'merged', statusBeforeMerge: 'registered' });
    });

    it('refuses to unmerge a ticket closed otherwise, or unmerged already, with the status it has', () => {
      expect(applyEvent(fold(pathTo.closed()), unmerge())).toEqual({
        ok: false,
        refusal: { code: 'not_merged', params: { status: 'closed' } },
      });
      expect(applyEvent(fold([...pathTo.registered(), merge(), unmerge()]), unmerge())).toEqual({
        ok: false,
        refusal: { code: 'not_merged', params: { status: 'registered' } },
      });
      expect(ticketEventSchema.safeParse({ ...unmerge(), payload: { reason: '  ' } }).success).toBe(false);
    });

    it('sends a ticket merged before the status was kept back to the hotline to dispatch', () => {
      const { statusBeforeMerge: _s, ...stored } = fold([...pathTo.dispatched(), merge()]);
      const old = ticketSchema.parse(stored);
      const result = applyEvent(old, unmerge());
      expect(result).toMatchObject({ ok: true, ticket: { status: 'registered', resolution: null, mergedInto: null } });
    });
  });
});
