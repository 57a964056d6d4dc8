import { afterEach, describe, expect, it } from 'vitest';
import { intakeFields } from '../../../tests/support/fixtures';
import { signInHere } from '../../../tests/support/sign-in';
import { tempDir } from '../../../tests/support/temp-dir';
import { draftMaxAgeDays } from '../../shared/contract/drafts';
import { newId } from '../../shared/domain/ids';
import { type Core, openCore, ownerOnlyCacheKey } from '../core';

let core: Core;
let clock = new Date('2026-03-02T08:00:00.000Z');
const open = async () => {
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '0.0.0-test', now: () => clock });
  await signInHere(core);
};
afterEach(() => core?.close());

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const save = async (id: string, description: string, parked?: boolean) =>
  ok(await core.dispatch('drafts.save', { id, kind: 'intake', body: { description }, ...(parked === undefined ? {} : { parked }) })) as {
    kept: boolean;
  };
const list = async () => ok(await core.dispatch('drafts.list', {})) as { id: string; parkedAt: string | null; body: object }[];
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('drafts', () => {
  it('parks a draft the form left, keeping when it was first parked, and unparks it when it is back in the form', async () => {
    await open();
    const id = newId();
    expect(await save(id, '暖气不热')).toEqual({ kept: true, savedAt: clock.toISOString() });
    expect(await list()).toMatchObject([{ id, parkedAt: null }]);
    const parkedAt = clock.toISOString();
    await save(id, '暖气不热，十六度', true);
    later(60_000);
    await save(id, '暖气不热，十六度', true);
    expect(await list()).toMatchObject([{ id, parkedAt, body: { description: '暖气不热，十六度' } }]);
    await save(id, '暖气不热，十六度。');
    expect(await list()).toMatchObject([{ id, parkedAt: null }]);
  });

  it('changes nothing with a save that arrives after its ticket was made', async () => {
    await open();
    const id = newId();
    await save(id, '路灯坏了');
    ok(await core.dispatch('tickets.create', { fields: intakeFields, draftId: id }));
    // The last keystrokes' save, sent while the ticket was being made: it must not bring the draft back.
    expect(await save(id, '路灯坏了一半')).toMatchObject({ kept: false });
    expect(await save(id, '路灯坏了一半', true)).toMatchObject({ kept: false });
    expect(await list()).toEqual([]);
    expect(ok(await core.dispatch('drafts.get', { id }))).toBeNull();
    const row = core.db.prepare(`SELECT body FROM drafts WHERE id = ?`).get(id);
    expect(row).toEqual({ body: '{}' });

    // The same for a draft thrown away before its first save landed.
    const never = newId();
    expect(ok(await core.dispatch('drafts.discard', { id: never }))).toEqual({ discarded: false });
    expect(await save(never, '噪音')).toMatchObject({ kept: false });
    expect(await list()).toEqual([]);
  });

  it(`deletes drafts nobody touched for ${draftMaxAgeDays} days`, async () => {
    await open();
    const old = newId();
    const recent = newId();
    await save(old, '上周的草稿');
    later(24 * 3600_000);
    await save(recent, '昨天的草稿');
    later((draftMaxAgeDays - 1) * 24 * 3600_000);
    expect((await list()).map((d) => d.id)).toEqual([recent, old]);
    later(1);
    expect((await list()).map((d) => d.id)).toEqual([recent]);
    expect(core.db.prepare(`SELECT count(*) AS n FROM drafts`).get()).toEqual({ n: 1 });
  });
});
