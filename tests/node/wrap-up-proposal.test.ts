import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { recordCall } from '../../src/main/store/calls-store';
import { applyReferencePage } from '../../src/main/store/reference-store';
import type { Call } from '../../src/shared/server-api/cti';
import { defaultReferenceData } from '../../src/server/reference/reference-data';
import { intakeFields } from '../support/fixtures';
import { signInHere, testAgent } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';
import { ok } from './filled-cache';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

async function openWithCodes(): Promise<Core> {
  const dataDir = tempDir();
  const opened = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'K7Q2' });
  await signInHere(opened);
  const items = defaultReferenceData().map((item) => ({ ...item, version: 1, deleted: false }));
  applyReferencePage(opened.db, items, items.length, new Date().toISOString());
  return opened;
}

const ended = (id: string, answeredBy: string | null = testAgent.username): Call => ({
  id,
  direction: 'in',
  from: '13912345678',
  to: '12345',
  queue: null,
  state: 'ended',
  users: [testAgent.username],
  answeredBy,
  cause: 'normalClearing',
  startedAt: '2026-12-01T08:00:00.000Z',
  answeredAt: answeredBy ? '2026-12-01T08:00:05.000Z' : null,
  endedAt: '2026-12-01T08:04:00.000Z',
});

describe('the wrap-up code proposed at hang-up', () => {
  it('follows what the call led to: a ticket, a direct answer, a follow-up, or nothing', async () => {
    core = await openWithCodes();
    const proposed = async (callId: string) =>
      ok(await core!.dispatch('calls.wrapUpChoices', { callId })) as { proposed: string | null; choices: { code: string }[] };
    for (const id of ['c-ticket', 'c-answer', 'c-follow', 'c-none']) recordCall(core.db, ended(id));

    const ticket = ok(await core.dispatch('tickets.create', { fields: intakeFields, callId: 'c-ticket' })) as { id: string };
    ok(
      await core.dispatch('tickets.create', {
        fields: { ...intakeFields, requestType: 'consultation' },
        answeredWith: 'kb-heating-season',
        callId: 'c-answer',
      }),
    );
    ok(await core.dispatch('tickets.followUp', { id: ticket.id, callId: 'c-follow' }));

    expect((await proposed('c-ticket')).proposed).toBe('ticket');
    expect((await proposed('c-answer')).proposed).toBe('answered');
    expect((await proposed('c-follow')).proposed).toBe('follow_up');
    const none = await proposed('c-none');
    expect(none.proposed).toBeNull();
    expect(none.choices.map((c) => c.code)).toEqual(['answered', 'ticket', 'follow_up', 'transferred', 'nuisance', 'dropped', 'silent']);
  });

  it('is given only by the agent who answered, and a retired code is refused there too', async () => {
    core = await openWithCodes();
    recordCall(core.db, ended('c-missed', null));
    recordCall(core.db, ended('c-mine'));
    expect(await core.dispatch('calls.wrapUp', { callId: 'c-missed', code: 'nuisance' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    applyReferencePage(core.db, [{ kind: 'wrapup', code: 'silent', version: 2, deleted: true, body: {} }], 2, new Date().toISOString());
    expect(await core.dispatch('calls.wrapUp', { callId: 'c-mine', code: 'silent' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', refusal: { code: 'unknown_wrapup', params: { code: 'silent' } } },
    });
    expect(core.db.prepare(`SELECT wrapup_code AS code FROM calls WHERE id = 'c-mine'`).get()).toEqual({ code: null });
    expect(ok(await core.dispatch('calls.wrapUp', { callId: 'c-mine', code: 'dropped' }))).toMatchObject({ wrapupCode: 'dropped' });
  });
});
