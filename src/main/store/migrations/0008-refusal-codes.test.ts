import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/temp-dir';
import { newCacheKey } from '../cache-key';
import { openDatabase } from '../database';
import { migrate } from '../migrate';
import { openRejections, timelineOf } from '../ticket-store';
import { migrations } from './index';

describe('migration 8: refusal codes', () => {
  it('keeps the words of a change refused before codes existed, as a legacy refusal, and leaves the rest without one', () => {
    const file = path.join(tempDir(), 'v7.sqlite3');
    const old = new Database(file);
    migrate(old, migrations, 7);
    const insert = old.prepare(`INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload, status, reject_reason)
      VALUES (?, 't1', 'note', ?, 'agent1', 'K7Q2', '{"text":"x"}', ?, ?)`);
    insert.run('e1', '2026-11-30T08:00:00.000Z', 'pending', null);
    insert.run('e2', '2026-11-30T08:01:00.000Z', 'rejected', 'cannot apply "note" to a ticket that is closed');
    insert.run('e3', '2026-11-30T08:02:00.000Z', 'rejected', null);
    old.close();

    const db = openDatabase(file, newCacheKey());
    expect(openRejections(db).map((r) => [r.eventId, r.refusal])).toEqual([
      ['e3', { code: 'legacy', params: { reason: '' } }],
      ['e2', { code: 'legacy', params: { reason: 'cannot apply "note" to a ticket that is closed' } }],
    ]);
    expect(timelineOf(db, 't1').map((e) => [e.id, e.refusal?.code ?? null])).toEqual([
      ['e1', null],
      ['e2', 'legacy'],
      ['e3', 'legacy'],
    ]);
    db.close();
  });
});
