import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { storedTicketEventSchema, type TicketEvent, type TicketFields, ticketEventSchema, ticketSchema } from './ticket';
import { applyEvent, foldTicket } from './ticket-fold';

const ticketId = newId();
const fields: TicketFields = {
  requestType: 'complaint',
  urgency: 'normal',
  callerPhone: '13800138000',
  description: '小区供暖温度不达标，室温只有十四度',
  channel: 'phone',
};
let minute = 0;
const event = (type: TicketEvent['type'], payload: unknown): TicketEvent =>
  ticketEventSchema.parse({
    id: newId(),
    ticketId,
    type,
    at: new Date(Date.UTC(2026, 10, 29, 9, minute++)).toISOString(),
    actor: 'agent:1001',
    origin: 'K7Q2',
    payload,
  });
const created = () => event('created', { provisionalNo: 'K7Q2-000001', fields });

describe('foldTicket', () => {
  it('builds a registered ticket from its creation event', () => {
    const first = created();
    const { ticket, rejected } = foldTicket([first]);
    expect(rejected).toEqual([]);
    expect(ticket).toMatchObject({
      id: ticketId,
      provisionalNo: 'K7Q2-000001',
      officialNo: null,
      status: 'registered',
      fields,
      createdAt: first.at,
      createdBy: 'agent:1001',
      eventCount: 1,
    });
  });

  it('applies field changes, notes, closing and reopening in order', () => {
    const events = [
      created(),
      event('updated', { changes: { urgency: 'urgent', category: 'heating' } }),
      event('note', { text: '来电人再次来电催办' }),
      event('closed', { resolution: 'withdrawn' }),
      event('reopened', { reason: '来电人不满意' }),
    ];
    const { ticket, rejected } = foldTicket(events);
    expect(rejected).toEqual([]);
    expect(ticket?.status).toBe('registered');
    expect(ticket?.resolution).toBeNull();
    expect(ticket?.fields.urgency).toBe('urgent');
    expect(ticket?.fields.category).toBe('heating');
    expect(ticket?.fields.description).toBe(fields.description);
    expect(ticket?.notes.map((n) => n.text)).toEqual(['来电人再次来电催办']);
    expect(ticket?.updatedAt).toBe(events[4]!.at);
    expect(ticket?.eventCount).toBe(5);
  });

  it('reports events that do not apply, keeps folding the rest, and never mutates its input', () => {
    const first = created();
    const close = event('closed', { resolution: 'direct_answer' });
    const lateEdit = event('updated', { changes: { urgency: 'emergency' } });
    const note = event('note', { text: '已告知来电人' });
    const input = [first, close, lateEdit, note];
    const snapshot = structuredClone(input);
    const { ticket, rejected } = foldTicket(input);
    expect(rejected).toEqual([
      { eventId: lateEdit.id, refusal: { code: 'invalid_transition', params: { eventType: 'updated', status: 'closed' } } },
    ]);
    expect(ticket?.status).toBe('closed');
    expect(ticket?.resolution).toBe('direct_answer');
    expect(ticket?.fields.urgency).toBe('normal');
    expect(ticket?.notes).toHaveLength(1);
    expect(input).toEqual(snapshot);
  });

  it('refuses events before creation, a second creation, and events of another ticket', () => {
    const note = event('note', { text: '无主事件' });
    expect(foldTicket([note])).toEqual({
      ticket: null,
      rejected: [{ eventId: note.id, refusal: { code: 'unknown_ticket', params: { ticketId } } }],
    });

    const first = created();
    const { ticket } = foldTicket([first]);
    expect(applyEvent(ticket, created())).toEqual({ ok: false, refusal: { code: 'ticket_exists', params: { ticketId } } });

    const foreign = { ...event('note', { text: 'x' }), ticketId: newId() };
    expect(applyEvent(ticket, foreign)).toEqual({
      ok: false,
      refusal: { code: 'wrong_ticket', params: { ticketId: foreign.ticketId, expected: ticketId } },
    });
  });

  it('refuses reopening an open ticket and closing a closed one', () => {
    const { ticket } = foldTicket([created()]);
    expect(applyEvent(ticket, event('reopened', { reason: '误操作' }))).toEqual({
      ok: false,
      refusal: { code: 'invalid_transition', params: { eventType: 'reopened', status: 'registered' } },
    });
    const closed = applyEvent(ticket, event('closed', { resolution: 'withdrawn' }));
    expect(closed.ok).toBe(true);
    if (closed.ok) {
      expect(applyEvent(closed.ticket, event('closed', { resolution: 'resolved' }))).toEqual({
        ok: false,
        refusal: { code: 'invalid_transition', params: { eventType: 'closed', status: 'closed' } },
      });
    }
  });
});

describe('dispatch and numbering', () => {
  it('dispatches a registered ticket to units with a lead, and not twice', () => {
    const { ticket, rejected } = foldTicket([
      created(),
      event('dispatched', { unitCodes: ['street:110105017', 'company:heating'], leadUnitCode: 'street:110105017' }),
      event('dispatched', { unitCodes: ['district:110105'], leadUnitCode: 'district:110105' }),
    ]);
    expect(ticket).toMatchObject({
      status: 'dispatched',
      unitCodes: ['street:110105017', 'company:heating'],
      leadUnitCode: 'street:110105017',
    });
    expect(rejected.map((r) => r.refusal)).toEqual([{ code: 'already_dispatched', params: {} }]);
  });

  it('refuses a lead unit that is not among the units', () => {
    const bad = ticketEventSchema.safeParse({
      id: newId(),
      ticketId,
      type: 'dispatched',
      at: new Date().toISOString(),
      actor: 'a',
      origin: 'o',
      payload: { unitCodes: ['street:110105017'], leadUnitCode: 'district:110105' },
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['payload.leadUnitCode']);
  });

  it('takes the official number once, in any state, without touching updatedAt', () => {
    const first = created();
    const { ticket } = foldTicket([first, event('numbered', { officialNo: '2026112900123' })]);
    expect(ticket).toMatchObject({ officialNo: '2026112900123', updatedAt: first.at, eventCount: 2 });
    expect(applyEvent(ticket, event('numbered', { officialNo: '2026112900124' }))).toEqual({
      ok: false,
      refusal: { code: 'already_numbered', params: { officialNo: '2026112900123' } },
    });
    expect(applyEvent(ticket, event('numbered', { officialNo: '2026112900123' })).ok).toBe(true);
  });
});

describe('follow-ups and duplicates', () => {
  it('records each repeat call on an open ticket, and none on a closed one', () => {
    const { ticket } = foldTicket([
      created(),
      event('followed_up', { callId: 'c-1', callerPhone: '13800138000' }),
      event('followed_up', { note: '又来电催办' }),
    ]);
    expect(ticket?.followUps.map((f) => [f.callId, f.note])).toEqual([
      ['c-1', null],
      [null, '又来电催办'],
    ]);
    const closed = foldTicket([created(), event('closed', { resolution: 'withdrawn' })]).ticket;
    expect(applyEvent(closed, event('followed_up', {}))).toEqual({
      ok: false,
      refusal: { code: 'invalid_transition', params: { eventType: 'followed_up', status: 'closed' } },
    });
  });

  it('links a ticket to the one it duplicates, never to itself', () => {
    const original = newId();
    expect(foldTicket([created(), event('linked_duplicate', { duplicateOf: original })]).ticket?.duplicateOf).toBe(original);
    const self = foldTicket([created(), event('linked_duplicate', { duplicateOf: ticketId })]);
    expect(self.rejected.map((r) => r.refusal)).toEqual([{ code: 'duplicate_of_self', params: {} }]);
  });

  it('reads ticket states stored before follow-ups existed', () => {
    const { ticket } = foldTicket([created()]);
    const { followUps: _f, duplicateOf: _d, ...old } = ticket!;
    expect(ticketSchema.parse(old)).toMatchObject({ followUps: [], duplicateOf: null });
  });
});

describe('ticketEventSchema', () => {
  it('rejects unknown fields, bad ids and empty descriptions with the field named', () => {
    const good = created();
    expect(ticketEventSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(ticketEventSchema.safeParse({ ...good, id: 'not-a-uuid' }).success).toBe(false);
    const empty = ticketEventSchema.safeParse({
      ...good,
      payload: { provisionalNo: 'K7Q2-000001', fields: { ...fields, description: '   ' } },
    });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['payload', 'fields', 'description']);
  });

  it('refuses poison text in every kind of text field and times outside the wire window, naming the field', () => {
    const good = created();
    const note = event('note', { text: '补充' });
    const followed = event('followed_up', { callId: 'c-1' });
    const cases: [unknown, string][] = [
      [
        { ...good, payload: { provisionalNo: 'K7Q2-000001', fields: { ...fields, description: '停水\u0000' } } },
        'payload.fields.description',
      ],
      [{ ...good, payload: { provisionalNo: 'K7Q2-000001', fields: { ...fields, callerName: '王\uD800' } } }, 'payload.fields.callerName'],
      [{ ...note, payload: { text: '\uFFFE' } }, 'payload.text'],
      [{ ...followed, payload: { callId: 'c\u0007' } }, 'payload.callId'],
      [{ ...good, origin: 'K7\u0000' }, 'origin'],
      [{ ...good, at: '9999-12-31T23:59:59.999Z' }, 'at'],
      [{ ...good, at: '0000-01-01T00:00:00.000Z' }, 'at'],
    ];
    for (const [input, path] of cases) {
      const parsed = ticketEventSchema.safeParse(input);
      expect(
        parsed.error?.issues.map((i) => i.path.join('.')),
        path,
      ).toEqual([path]);
      // What was stored before these checks is read back as it is (refused only when sent).
      if (path !== 'at') expect(storedTicketEventSchema.safeParse(input).success, path).toBe(true);
    }
  });
});
