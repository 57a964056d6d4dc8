import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsBy } from '../../../tests/support/event-builder';
import { writeRawOutboxEvent } from '../../../tests/support/raw-outbox';
import { tempDir } from '../../../tests/support/temp-dir';
import { newCacheKey } from '../store/cache-key';
import { openDatabase } from '../store/database';
import { countServerFailure } from '../store/outbox-store';
import { openRejections, outboxSize } from '../store/ticket-store';
import { pushOutbox } from './push-outbox';
import { ServerClient } from './server-client';

describe('pushing the outbox', () => {
  it('rejects here, with its refusal, an event too large to send even alone and one this version cannot read', async () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
    const agent = eventsBy('agent1', 'K7Q2');
    const huge = agent.created({ description: '长'.repeat(600_000) });
    const unreadable = agent.created();
    writeRawOutboxEvent(db, huge);
    writeRawOutboxEvent(db, { ...unreadable, at: '2026-13-45T25:61:00.000Z' });
    const touched: string[][] = [];
    // Nothing listens on the discard port: a push attempted would end this with "unreachable".
    const client = new ServerClient({ baseUrl: 'http://127.0.0.1:9/' });

    await pushOutbox({ db, client, token: 'unused', running: () => true, stored: (ids) => touched.push(ids) });

    expect(outboxSize(db)).toBe(0);
    expect(touched).toEqual([[huge.ticketId], [unreadable.ticketId]]);
    const refusals = Object.fromEntries(openRejections(db).map((r) => [r.eventId, r.refusal]));
    expect(refusals).toEqual({
      [huge.id]: { code: 'too_large', params: { kib: 1759, maxKib: 512 } },
      [unreadable.id]: { code: 'unreadable', params: { detail: 'at: must be a UTC time like 2026-11-29T09:30:00.000Z' } },
    });
    // The English words stay beside the code, for whoever reads the cache in a support case.
    expect(db.prepare(`SELECT reject_reason FROM ticket_events WHERE id = ?`).get(huge.id)).toEqual({
      reject_reason: 'this change is too large to send (1759 KiB; a push carries 512 KiB at most): make it again with less text',
    });
    db.close();
  });

  it("keeps counting the server's failures on an event across a restart", () => {
    const file = path.join(tempDir(), 'cache.sqlite3');
    const key = newCacheKey();
    const event = eventsBy('agent1', 'K7Q2').created();
    let db = openDatabase(file, key);
    writeRawOutboxEvent(db, event);
    expect([countServerFailure(db, event.id, 'HTTP 500'), countServerFailure(db, event.id, 'HTTP 500')]).toEqual([1, 2]);
    db.close();
    db = openDatabase(file, key);
    expect(countServerFailure(db, event.id, 'HTTP 500')).toBe(3);
    db.close();
  });
});
