import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { storedTicketEventSchema, type TicketEvent, ticketEventSchema, ticketSchema } from './ticket';
import { foldTicket } from './ticket-fold';
import { urgeRefusal } from './urge';

const ticketId = newId();
const unit = 'street:110105017';
const other = 'street:110105018';
const start = Date.UTC(2026, 10, 29, 8, 0);
let minute = 0;
const raw = (type: TicketEvent['type'], payload: unknown, actor = 'lead1') => ({
  id: newId(),
  ticketId,
  type,
  at: new Date(start + minute++ * 60_000).toISOString(),
  actor,
  origin: 'K7Q2',
  payload,
});
const event = (type: TicketEvent['type'], payload: unknown, actor?: string): TicketEvent =>
  ticketEventSchema.parse(raw(type, payload, actor));
const created = () =>
  event('created', {
    provisionalNo: 'K7Q2-000001',
    fields: { requestType: 'complaint', urgency: 'normal', description: '路灯不亮', channel: 'phone' },
  });
const dispatch = (unitCode = unit) => event('dispatched', { unitCodes: [unitCode], leadUnitCode: unitCode });

describe('urging a unit (督办)', () => {
  it('counts every urge and keeps the last, with who, when, which unit and why', () => {
    const first = event('urged', { unitCode: unit, reason: '临期，请尽快处理' });
    const second = event('urged', { unitCode: unit, reason: '已超期，今天必须反馈' }, 'lead2');
    const { ticket, rejected } = foldTicket([created(), dispatch(), first, second]);
    expect(rejected).toEqual([]);
    expect(ticket).toMatchObject({
      status: 'dispatched',
      urgedCount: 2,
      lastUrge: { at: second.at, actor: 'lead2', unitCode: unit, reason: '已超期，今天必须反馈' },
    });
  });

  it('leaves the order where it stood: status, units and the feedback clock', () => {
    const before = foldTicket([created(), dispatch()]).ticket!;
    const after = foldTicket([created(), dispatch(), event('urged', { unitCode: unit, reason: '请加快' })]).ticket!;
    expect({ ...after, urgedCount: 0, lastUrge: null, updatedAt: before.updatedAt, eventCount: before.eventCount }).toEqual({
      ...before,
      id: after.id,
      createdAt: after.createdAt,
      dispatchedAt: after.dispatchedAt,
    });
    expect(after.dispatchedAt).not.toBeNull();
  });

  it('refuses a unit the order is not with, a closed order and one still at the hotline', () => {
    const { rejected } = foldTicket([created(), event('urged', { unitCode: unit, reason: '请加快' })]);
    expect(rejected.map((r) => r.refusal)).toEqual([{ code: 'invalid_transition', params: { eventType: 'urged', status: 'registered' } }]);
    const wrongUnit = foldTicket([created(), dispatch(), event('urged', { unitCode: other, reason: '请加快' })]);
    expect(wrongUnit.rejected.map((r) => r.refusal)).toEqual([{ code: 'unit_not_dispatched', params: { unitCode: other } }]);
    const closed = foldTicket([
      created(),
      event('closed', { resolution: 'withdrawn' }),
      event('urged', { unitCode: unit, reason: '请加快' }),
    ]);
    expect(closed.rejected.map((r) => r.refusal.code)).toEqual(['invalid_transition']);
  });

  it('reads ticket states stored before urges were counted', () => {
    const { urgedCount, lastUrge, ...old } = foldTicket([created()]).ticket!;
    expect([urgedCount, lastUrge]).toEqual([0, null]);
    expect(ticketSchema.parse(old)).toMatchObject({ urgedCount: 0, lastUrge: null });
  });

  it('needs a reason', () => {
    expect(ticketEventSchema.safeParse(raw('urged', { unitCode: unit, reason: ' ' })).success).toBe(false);
    expect(ticketEventSchema.safeParse(raw('urged', { unitCode: unit })).success).toBe(false);
  });
});

describe('urgeRefusal: only an order at risk or overdue', () => {
  const policy = { dispatchMinutes: 120, feedbackMinutes: 24 * 60 };
  const dispatched = { status: 'dispatched' as const, createdAt: '2026-11-29T08:00:00.000Z', returnedAt: null, extensionHours: 0 };
  const ticket = { ...dispatched, dispatchedAt: '2026-11-29T09:00:00.000Z' };
  const due = '2026-11-30T09:00:00.000Z';

  it('refuses an order on time, naming its deadline', () => {
    expect(urgeRefusal(ticket, policy, '2026-11-29T10:00:00.000Z')).toEqual({ code: 'urge_on_time', params: { dueAt: due } });
    // The last quarter of the window (6 h of 24) is at risk; a minute before it is still on time.
    expect(urgeRefusal(ticket, policy, '2026-11-30T02:59:00.000Z')?.code).toBe('urge_on_time');
  });

  it('lets an order at risk or overdue through', () => {
    expect(urgeRefusal(ticket, policy, '2026-11-30T03:00:00.000Z')).toBeNull();
    expect(urgeRefusal(ticket, policy, '2026-12-01T09:00:00.000Z')).toBeNull();
  });

  it('counts an extension granted to the unit', () => {
    expect(urgeRefusal({ ...ticket, extensionHours: 24 }, policy, '2026-11-30T09:30:00.000Z')?.code).toBe('urge_on_time');
  });

  it('cannot judge an order whose time limits are unknown, and leaves other stages to the fold', () => {
    expect(urgeRefusal(ticket, null, '2026-11-29T10:00:00.000Z')).toBeNull();
    expect(urgeRefusal({ ...dispatched, status: 'registered', dispatchedAt: null }, policy, '2026-11-29T08:01:00.000Z')).toBeNull();
  });
});

describe('reassignment (改派) says why', () => {
  const reassign = (payload: Record<string, unknown>) =>
    raw('dispatched', { unitCodes: [other], leadUnitCode: other, reassign: true, ...payload });

  it('refuses a reassignment without a reason, naming the field', () => {
    const parsed = ticketEventSchema.safeParse(reassign({}));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['payload.reason']);
  });

  it('folds a reassignment with its reason onto the new unit', () => {
    const moved = event('dispatched', { unitCodes: [other], leadUnitCode: other, reassign: true, reason: '属地错误，应由邻街办理' });
    const { ticket, rejected } = foldTicket([created(), dispatch(), moved]);
    expect(rejected).toEqual([]);
    expect(ticket).toMatchObject({ status: 'dispatched', leadUnitCode: other, unitCodes: [other] });
  });

  it('still reads reassignments stored before a reason was asked', () => {
    expect(storedTicketEventSchema.safeParse(reassign({})).success).toBe(true);
  });
});
