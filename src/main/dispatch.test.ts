import { afterEach, describe, expect, it } from 'vitest';
import { badTicketInputs, intakeFields } from '../../tests/support/fixtures';
import { dbState } from '../../tests/support/db-state';
import { signInHere } from '../../tests/support/sign-in';
import { tempDir } from '../../tests/support/temp-dir';
import { newId } from '../shared/domain/ids';
import { type Core, openCore, ownerOnlyCacheKey } from './core';
import { createDispatcher } from './dispatch';
import { createHandlers } from './handlers';

let core: Core;
const coreIn = (dataDir: string, workstationCode?: string) =>
  openCore({
    dataDir,
    cacheKey: ownerOnlyCacheKey(dataDir),
    host: 'web',
    version: '0.0.0-test',
    ...(workstationCode ? { workstationCode } : {}),
  });
const open = async () => {
  core = coreIn(tempDir(), 'K7Q2');
  await signInHere(core);
};
afterEach(() => core?.close());

describe('dispatch', () => {
  it('creates a ticket with a provisional number, an event and an outbox entry', async () => {
    await open();
    const result = await core.dispatch('tickets.create', { fields: intakeFields });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ provisionalNo: 'K7Q2-000001', status: 'registered', fields: intakeFields });
    const second = await core.dispatch('tickets.create', { fields: intakeFields });
    expect(second.ok && second.value).toMatchObject({ provisionalNo: 'K7Q2-000002' });

    const state = dbState(core.db);
    expect(state.ticket_events).toHaveLength(2);
    expect(state.outbox).toHaveLength(2);
    expect(state.tickets).toHaveLength(2);
    expect(await core.dispatch('sync.status', {})).toEqual({
      ok: true,
      value: { connection: 'not_configured', outboxSize: 2, rejected: 0, lastSyncAt: null, bootstrap: null },
    });
  });

  it.each(badTicketInputs)('refuses $name with a typed error and writes nothing', async ({ input }) => {
    await open();
    await core.dispatch('tickets.create', { fields: intakeFields });
    const before = dbState(core.db);
    const result = await core.dispatch('tickets.create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.length).toBeGreaterThan(0);
    expect(dbState(core.db)).toEqual(before);
  });

  it('names the offending field in the issues', async () => {
    await open();
    const result = await core.dispatch('tickets.create', { fields: { ...intakeFields, description: '' } });
    expect(!result.ok && result.error.issues).toEqual([{ path: 'fields.description', message: 'describe what the caller reports' }]);
  });

  it('answers unknown calls and missing tickets with their own codes', async () => {
    await open();
    expect(await core.dispatch('tickets.destroyAll', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await core.dispatch('__proto__.constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await core.dispatch('tickets.get', { id: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps drafts, returns them newest first, and discards the draft a ticket was made from', async () => {
    await open();
    const first = newId();
    const second = newId();
    await core.dispatch('drafts.save', { id: first, kind: 'intake', body: { description: '停水' } });
    await core.dispatch('drafts.save', { id: second, kind: 'intake', body: { description: '噪音', callerPhone: '010-6512' } });
    const listed = await core.dispatch('drafts.list', {});
    expect(listed).toMatchObject({ ok: true, value: [{ id: second }, { id: first }] });

    const created = await core.dispatch('tickets.create', { fields: intakeFields, draftId: first });
    expect(created.ok).toBe(true);
    expect(await core.dispatch('drafts.get', { id: first })).toEqual({ ok: true, value: null });
    expect(await core.dispatch('drafts.get', { id: second })).toMatchObject({ ok: true, value: { body: { description: '噪音' } } });
  });

  it('persists UI settings and pushes the change', async () => {
    await open();
    const pushed: unknown[] = [];
    core.bus.subscribe((event, payload) => pushed.push({ event, payload }));
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { locale: 'zh-CN', colorScheme: 'light' } });
    await core.dispatch('settings.update', { locale: 'en' });
    expect(pushed).toEqual([{ event: 'settings.changed', payload: { locale: 'en', colorScheme: 'light' } }]);
    expect(await core.dispatch('settings.update', { locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { locale: 'en', colorScheme: 'light' } });
  });

  it('keeps the workstation identity across restarts', async () => {
    const dataDir = tempDir();
    const first = coreIn(dataDir);
    const identity = first.identity;
    first.close();
    core = coreIn(dataDir, 'ZZZZ');
    expect(core.identity).toEqual(identity);
  });

  it('hides internal errors from the caller and logs them', async () => {
    await open();
    const logged: unknown[] = [];
    const handlers = createHandlers({ ...core, host: 'web', version: '1', now: () => new Date(), lockAfterMinutes: 10 });
    const failing = {
      ...handlers,
      app: {
        info: () => {
          throw new Error('disk on fire at /var/secret/path');
        },
      },
    };
    const dispatch = createDispatcher(failing, { error: (...args: unknown[]) => logged.push(args), warn: () => {}, info: () => {} });
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/var/secret/path');
    expect(logged).toHaveLength(1);
  });
});
