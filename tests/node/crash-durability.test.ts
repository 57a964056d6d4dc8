import { describe, expect, it } from 'vitest';
import { databaseFile, ownerOnlyCacheKey } from '../../src/main/core';
import { openDatabase } from '../../src/main/store/database';
import { newId } from '../../src/shared/domain/ids';
import { startChildHost } from '../support/child-host';
import { intakeFields } from '../support/fixtures';
import { tempDir } from '../support/temp-dir';
import { rememberedIn } from '../support/sign-in';
import { WsTestClient } from '../support/ws-client';

/**
 * "Saved" must mean saved: the core process is SIGKILLed the instant a saving call answers —
 * before any shutdown code could run — and the write must be in the files.
 */
describe('durability across a killed workstation core', () => {
  it('keeps every ticket and draft whose save was answered, and numbers on after restart', async () => {
    const dataDir = tempDir();
    const made: { id: string; provisionalNo: string; draftId: string }[] = [];
    // Signed in here before; a core that was killed asks again, as the agent would be asked.
    const login = await rememberedIn(dataDir);

    for (let round = 0; round < 3; round++) {
      const host = await startChildHost(dataDir, { HOTLINE_WORKSTATION_CODE: 'K7Q2' });
      const client = await WsTestClient.connect(host.url);
      expect(await client.call('auth.signIn', login)).toMatchObject({ ok: true });
      const draftId = newId();
      const draft = await client.call('drafts.save', { id: draftId, kind: 'intake', body: { description: `第${round}轮草稿` } });
      expect(draft).toMatchObject({ ok: true });
      const created = await client.call('tickets.create', {
        fields: { ...intakeFields, description: `第${round}轮：${intakeFields.description}` },
      });
      // Kill before anything else happens: no await between the answer and the signal.
      const killed = host.kill();
      expect(created).toMatchObject({ ok: true });
      const ticket = (created as { ok: true; value: { id: string; provisionalNo: string } }).value;
      made.push({ id: ticket.id, provisionalNo: ticket.provisionalNo, draftId });
      await killed;
      client.close();

      const db = openDatabase(databaseFile(dataDir), ownerOnlyCacheKey(dataDir));
      const row = db.prepare(`SELECT provisional_no, description FROM tickets WHERE id = ?`).get(ticket.id);
      expect(row).toEqual({ provisional_no: ticket.provisionalNo, description: `第${round}轮：${intakeFields.description}` });
      expect(db.prepare(`SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ?`).get(ticket.id)).toEqual({ n: 1 });
      expect(db.prepare(`SELECT count(*) AS n FROM outbox`).get()).toEqual({ n: round + 1 });
      expect(db.prepare(`SELECT body FROM drafts WHERE id = ?`).get(draftId)).toEqual({
        body: JSON.stringify({ description: `第${round}轮草稿` }),
      });
      db.close();
    }

    expect(made.map((m) => m.provisionalNo)).toEqual(['K7Q2-000001', 'K7Q2-000002', 'K7Q2-000003']);
    const host = await startChildHost(dataDir);
    const client = await WsTestClient.connect(host.url);
    expect(await client.call('auth.signIn', login)).toMatchObject({ ok: true });
    const recent = await client.call('tickets.recent', { limit: 10 });
    expect(recent).toMatchObject({ ok: true });
    const ids = (recent as { ok: true; value: { id: string }[] }).value.map((t) => t.id);
    expect(ids.sort()).toEqual(made.map((m) => m.id).sort());
    client.close();
    await host.kill();
  }, 90_000);
});
