import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/shared/contract/tickets';
import { newId } from '../../src/shared/domain/ids';
import type { Ticket } from '../../src/shared/domain/ticket';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import { demoPassword } from '../../src/server/seed/demo-password';
import { intakeFields } from '../support/fixtures';
import { until } from '../support/until';
import { bearer, engines } from './test-server';
import { call, centre, workstation } from './workstations';

type ServerTicket = { ticket: Ticket; events: SequencedEvent[] };

describe.each(engines)('undoing a merge between two workstations and the server on %s', (engine) => {
  it('unmerge gives both tickets back as they were, on the server and on another workstation, and refuses a ticket not merged', async () => {
    const { server } = await centre(engine);
    const a = workstation(server.url, 'KUA2');
    const b = workstation(server.url, 'KUB3');
    await call(a, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await call(b, 'auth.signIn', { username: 'agent2', password: demoPassword });
    const token = (
      await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lead1', password: demoPassword } })
    ).json<{ token: string }>().token;
    const onServer = async (id: string) =>
      (await server.app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: bearer(token) })).json<ServerTicket>();
    const drained = (core: typeof a) => async () => (await call<{ outboxSize: number }>(core, 'sync.status')).outboxSize === 0;

    const original = await call<Ticket>(a, 'tickets.create', { fields: intakeFields });
    const repeat = await call<Ticket>(a, 'tickets.create', {
      fields: { ...intakeFields, description: '又打来说暖气不热' },
      duplicateOf: original.id,
    });
    await until('both on the server', drained(a));
    const originalBefore = (await onServer(original.id)).ticket;
    const repeatBefore = (await onServer(repeat.id)).ticket;
    expect(repeatBefore).toMatchObject({ status: 'registered', duplicateOf: original.id });

    await call(a, 'tickets.merge', { id: repeat.id });
    await until('merge on the server', drained(a));
    expect((await onServer(repeat.id)).ticket).toMatchObject({ status: 'closed', resolution: 'merged', mergedInto: original.id });

    const unmerged = await call<Ticket>(a, 'tickets.unmerge', { id: repeat.id, reason: '不是同一处暖气' });
    expect(unmerged).toMatchObject({ status: 'registered', resolution: null, mergedInto: null, closedAt: null });
    await until('unmerge on the server', drained(a));

    const after = await onServer(repeat.id);
    const sameButTouched = (t: Ticket) => ({ ...t, updatedAt: repeatBefore.updatedAt, eventCount: repeatBefore.eventCount });
    expect(sameButTouched(after.ticket)).toEqual(repeatBefore);
    expect(after.events.map((e) => e.event.type)).toEqual(['created', 'linked_duplicate', 'numbered', 'closed', 'unmerged']);
    expect(after.events.at(-1)?.event).toMatchObject({ actor: 'agent1', payload: { reason: '不是同一处暖气' } });
    expect((await onServer(original.id)).ticket).toEqual(originalBefore);

    // The other workstation pulls the same ticket and timeline; it may merge it again.
    await call(b, 'sync.now');
    const seen = await until('unmerge pulled', async () => {
      const t = await b.dispatch('tickets.get', { id: repeat.id });
      return t.ok && (t.value as Ticket).eventCount === after.ticket.eventCount ? (t.value as Ticket) : null;
    });
    expect(seen).toEqual(after.ticket);
    const { entries } = await call<{ entries: TimelineEntry[] }>(b, 'tickets.timeline', { id: repeat.id });
    expect(entries.map((e) => [e.type, e.status])).toEqual([
      ['created', 'confirmed'],
      ['linked_duplicate', 'confirmed'],
      ['numbered', 'confirmed'],
      ['closed', 'confirmed'],
      ['unmerged', 'confirmed'],
    ]);
    expect(await call<Ticket>(b, 'tickets.merge', { id: repeat.id })).toMatchObject({ status: 'closed', mergedInto: original.id });

    // Refused on the workstation, with its code, and nothing recorded.
    expect(await a.dispatch('tickets.unmerge', { id: original.id, reason: '试一下' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', refusal: { code: 'not_merged', params: { status: 'registered' } } },
    });
    expect(await a.dispatch('tickets.unmerge', { id: repeat.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await call<Ticket>(a, 'tickets.get', { id: original.id })).eventCount).toBe(originalBefore.eventCount);

    // Refused by the server when a workstation sends one anyway.
    const pushed = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(token),
      payload: {
        events: [
          {
            id: newId(),
            ticketId: original.id,
            type: 'unmerged',
            at: new Date().toISOString(),
            actor: 'lead1',
            origin: 'KUC4',
            payload: { reason: '试一下' },
          },
        ],
      },
    });
    expect(pushed.json()).toMatchObject({
      results: [{ status: 'rejected', refusal: { code: 'not_merged', params: { status: 'registered' } } }],
    });
    expect((await onServer(original.id)).ticket).toEqual(originalBefore);
  }, 120_000);
});
