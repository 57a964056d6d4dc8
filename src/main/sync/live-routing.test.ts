import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import type { PushedEventName } from '../../shared/contract';
import type { User } from '../../shared/server-api/auth';
import type { Call } from '../../shared/server-api/cti';
import { EventBus } from '../event-bus';
import { newCacheKey } from '../store/cache-key';
import { recentCalls } from '../store/calls-store';
import { openDatabase } from '../store/database';
import { NoticeBoard } from './notice-board';
import { PresenceTracker } from './presence-tracker';
import { broadcastToUi, routeCall } from './live-routing';

const person = (username: string, role: User['role']): User => ({
  id: `id-${username}`,
  username,
  displayName: username,
  role,
  unitCode: null,
});
const ringing = (users: string[], id = 'call-1'): Call => ({
  id,
  direction: 'in',
  from: '13800138000',
  to: '12345',
  queue: 'hotline',
  state: 'ringing',
  users,
  answeredBy: null,
  cause: null,
  startedAt: '2026-05-04T08:00:00.000Z',
  answeredAt: null,
  endedAt: null,
});

function desk(user: User | null) {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
  const bus = new EventBus();
  const heard: { event: PushedEventName; payload: unknown }[] = [];
  bus.subscribe((event, payload) => heard.push({ event, payload }));
  const presence = new PresenceTracker({ now: () => new Date(), wrapUpMs: 60_000, onChange: () => {} });
  const take = (call: Call) => routeCall({ db, bus, presence, user }, call);
  const events = (name: PushedEventName) => heard.filter((h) => h.event === name);
  return { db, presence, take, events, heard, bus };
}

describe('routing the calls the live socket brings', () => {
  it("pops an agent's own calls, keeps them in the call log, and follows them with its presence", () => {
    const here = desk(person('agent1', 'agent'));
    here.take(ringing(['agent1', 'agent2']));
    expect(here.events('calls.changed')).toEqual([
      { event: 'calls.changed', payload: expect.objectContaining({ id: 'call-1', state: 'ringing' }) },
    ]);
    expect(here.presence.view().state).toBe('available');

    here.take({ ...ringing(['agent1', 'agent2']), state: 'answered', answeredBy: 'agent1', answeredAt: '2026-05-04T08:00:05.000Z' });
    expect(here.presence.view().state).toBe('on_call');
    here.take({
      ...ringing(['agent1', 'agent2']),
      state: 'ended',
      answeredBy: 'agent1',
      endedAt: '2026-05-04T08:03:00.000Z',
      cause: 'normalClearing',
    });
    expect(here.presence.view().state).toBe('wrap_up');
    expect(recentCalls(here.db, 10, false)).toEqual([expect.objectContaining({ id: 'call-1', state: 'ended' })]);
    expect(here.events('monitor.changed')).toEqual([]);
    here.presence.stop();
  });

  it("ignores another agent's call, and a call answered elsewhere leaves this agent's presence alone", () => {
    const here = desk(person('agent1', 'agent'));
    here.take(ringing(['agent2'], 'call-2'));
    here.take({ ...ringing(['agent1', 'agent2'], 'call-3'), state: 'answered', answeredBy: 'agent2' });
    expect(here.events('calls.changed').map((h) => h.payload)).toEqual([expect.objectContaining({ id: 'call-3' })]);
    expect(here.presence.view().state).toBe('available');
    expect(recentCalls(here.db, 10, false).map((c) => c.id)).toEqual(['call-3']);
  });

  it("shows a lead every call on the monitor, and pops only the lead's own", () => {
    const here = desk(person('lead1', 'lead'));
    here.take(ringing(['agent2'], 'call-4'));
    expect(here.events('monitor.changed')).toEqual([
      { event: 'monitor.changed', payload: { kind: 'call', call: expect.objectContaining({ id: 'call-4' }) } },
    ]);
    expect(here.events('calls.changed')).toEqual([]);
  });

  it('keeps nothing when nobody is signed in', () => {
    const here = desk(null);
    here.take(ringing(['agent1']));
    expect(here.heard).toEqual([]);
    expect(recentCalls(here.db, 10, false)).toEqual([]);
  });

  it('passes notices, presence and ticket deltas on to the UI as their own events', () => {
    const here = desk(person('lead1', 'lead'));
    const board = new NoticeBoard(here.bus, () => new Date('2026-05-04T09:00:00.000Z'));
    const notice = {
      id: 'n-1',
      text: '暴雨预警，注意排水类来电',
      from: 'lead2',
      at: '2026-05-04T08:00:00.000Z',
      expiresAt: '2026-05-04T12:00:00.000Z',
    };
    broadcastToUi(here.bus, board, { type: 'notice', notice });
    broadcastToUi(here.bus, board, {
      type: 'presence',
      userId: 'id-agent1',
      username: 'agent1',
      state: 'on_call',
      since: '2026-05-04T08:00:00.000Z',
      reason: null,
      helpSince: null,
      helpAnsweredBy: null,
    });
    expect(here.heard).toEqual([
      { event: 'notices.changed', payload: { notices: [notice] } },
      {
        event: 'monitor.changed',
        payload: {
          kind: 'presence',
          username: 'agent1',
          state: 'on_call',
          since: '2026-05-04T08:00:00.000Z',
          reason: null,
          helpSince: null,
          helpAnsweredBy: null,
        },
      },
    ]);
    broadcastToUi(here.bus, board, { type: 'notice_withdrawn', id: 'n-1' });
    expect(here.heard.at(-1)).toEqual({ event: 'notices.changed', payload: { notices: [] } });
  });
});
