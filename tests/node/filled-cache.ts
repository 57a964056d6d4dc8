import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { storeCallerIndex } from '../../src/main/store/cache-scope-store';
import { recordCall } from '../../src/main/store/calls-store';
import { writeCursor } from '../../src/main/store/cursor-store';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { applyPushResults } from '../../src/main/store/sync-store';
import { newId } from '../../src/shared/domain/ids';
import { ticketSchema } from '../../src/shared/domain/ticket';
import { defaultReferenceData } from '../../src/server/reference/reference-data';
import { intakeFields } from '../support/fixtures';
import { signInHere } from '../support/sign-in';

/** One fixed moment, so the same reads on two caches give the same answers (repeat callers, deadlines). */
export const fillNow = new Date('2026-03-02T09:30:00.000Z');

export const openFixedCore = (dataDir: string): Core =>
  openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'K7Q2', now: () => fillNow });

/** The value of a call that must succeed. */
export const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/**
 * A cache as an agent's shift leaves it, written by today's code: reference data, tickets in every
 * sync state (pending, confirmed, rejected and dismissed, rejected and open), notes, drafts (open, parked, closed), settings,
 * calls, the caller index of older tickets, cursors and counters.
 */
export async function fillCache(dataDir: string): Promise<Core> {
  const core = openFixedCore(dataDir);
  const at = fillNow.toISOString();
  await signInHere(core);
  const reference = defaultReferenceData().map((item) => ({ ...item, version: 1, deleted: false }));
  applyReferencePage(core.db, reference, reference.length, at);
  const created: string[] = [];
  for (const fields of [
    intakeFields,
    { ...intakeFields, category: 'heating.outage', description: '暖气停了三天，屋里只有十二度', callerName: '李先生' },
    { ...intakeFields, callerPhone: '010-6512 3456', requestType: 'complaint' as const, description: '夜间施工噪音扰民，凌晨两点还在打桩' },
  ]) {
    created.push(ticketSchema.parse(ok(await core.dispatch('tickets.create', { fields }))).id);
  }
  const [first, second, third] = created;
  ok(await core.dispatch('tickets.addNote', { id: first!, text: '已电话回访，居民说下午来水了' }));
  const events = core.db.prepare<[], { id: string; ticket_id: string }>(`SELECT id, ticket_id FROM ticket_events ORDER BY local_seq`).all();
  const ofTicket = (id: string) => events.filter((e) => e.ticket_id === id).map((e) => e.id);
  ok(await core.dispatch('tickets.addNote', { id: third!, text: '居民要求夜间十点后停工' }));
  applyPushResults(core.db, [
    ...ofTicket(second!).map((id, i) => ({ id, status: 'accepted' as const, seq: 101 + i })),
    { id: ofTicket(third!)[0]!, status: 'accepted' as const, seq: 103 },
  ]);
  const noteOnThird = core.db
    .prepare<[string], { id: string }>(`SELECT id FROM ticket_events WHERE ticket_id = ? AND type = 'note'`)
    .get(third!)!.id;
  applyPushResults(core.db, [
    { id: noteOnThird, status: 'rejected', refusal: { code: 'invalid_transition', params: { eventType: 'note', status: 'merged' } } },
  ]);
  ok(await core.dispatch('tickets.addNote', { id: second!, text: '热力集团说今晚恢复' }));
  const noteOnFirst = ofTicket(first!)[1]!;
  applyPushResults(core.db, [
    { id: noteOnFirst, status: 'rejected', refusal: { code: 'invalid_transition', params: { eventType: 'note', status: 'closed' } } },
  ]);
  ok(await core.dispatch('tickets.dismissRejection', { eventId: noteOnFirst }));
  ok(
    await core.dispatch('drafts.save', {
      id: newId(),
      kind: 'intake',
      body: { callerPhone: '13700001111', description: '小区门口路灯不亮', urgent: false },
    }),
  );
  ok(
    await core.dispatch('drafts.save', {
      id: newId(),
      kind: 'intake',
      body: { callerPhone: '13700002222', description: '噪音' },
      parked: true,
    }),
  );
  ok(await core.dispatch('drafts.discard', { id: newId() }));
  ok(await core.dispatch('settings.update', { locale: 'en' }));
  recordCall(core.db, {
    id: 'call-0001',
    direction: 'in',
    from: '13912345678',
    to: '12345',
    queue: 'general',
    state: 'ended',
    users: ['agent.test'],
    answeredBy: 'agent.test',
    cause: 'normalClearing',
    startedAt: '2026-03-02T09:20:00.000Z',
    answeredAt: '2026-03-02T09:20:05.000Z',
    endedAt: '2026-03-02T09:26:00.000Z',
  });
  ok(await core.dispatch('calls.wrapUp', { callId: 'call-0001', code: 'ticket' }));
  recordCall(core.db, {
    id: 'call-0002',
    direction: 'in',
    from: '13800002222',
    to: '12345',
    queue: 'general',
    state: 'ended',
    users: ['agent.test'],
    answeredBy: null,
    cause: 'cancel',
    startedAt: '2026-03-02T09:28:00.000Z',
    answeredAt: null,
    endedAt: '2026-03-02T09:28:30.000Z',
  });
  // Written in full-width digits, as a Chinese input method types them: still one caller.
  recordCall(core.db, {
    id: 'call-0003',
    direction: 'in',
    from: '１３９ １２３４ ５６７８',
    to: '12345',
    queue: 'general',
    state: 'ended',
    users: ['agent.test'],
    answeredBy: 'agent.test',
    cause: 'normalClearing',
    startedAt: '2026-03-02T09:29:00.000Z',
    answeredAt: '2026-03-02T09:29:04.000Z',
    endedAt: '2026-03-02T09:29:40.000Z',
  });
  storeCallerIndex(core.db, [
    {
      ticketId: newId(),
      callerPhone: '13912345678',
      officialNo: '2025-118822',
      status: 'closed',
      requestType: 'help',
      category: 'heating.outage',
      districtCode: '110105',
      streetCode: '110105017',
      leadUnitCode: 'company:heating',
      description: '去年冬天暖气不热',
      createdAt: '2025-11-20T08:00:00.000Z',
      updatedAt: '2025-11-25T08:00:00.000Z',
    },
  ]);
  writeCursor(core.db, 'events', 104, at);
  return core;
}
