import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { useCallerLookup } from '../../src/renderer/src/call-screen/use-caller-lookup';
import { useDuplicates } from '../../src/renderer/src/call-screen/use-duplicates';
import { intakeFields } from '../support/fixtures';
import { openTestCore, renderHookOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const register = async (app: Core, description: string) => {
  const created = await app.dispatch('tickets.create', { fields: { ...intakeFields, category: 'water.outage', description } });
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: string }).id;
};

describe('intake lookups on a real core', () => {
  it('offers the open tickets of the same category and street as likely duplicates, and none of the place before', async () => {
    core = await openTestCore();
    const id = await register(core, '楼内停水一天，家里有老人');
    const place = { category: 'water.outage', streetCode: intakeFields.streetCode!, description: '停水一天' };
    const { result, rerender } = await renderHookOnCore(core, () => useDuplicates(place.category, place.streetCode, place.description));
    await waitFor(() => expect(result.current.map((s) => s.ticket.id)).toEqual([id]));
    expect(result.current[0]!.similarity).toBeGreaterThan(0);
    // Another street: what was found for the first one is not shown while the new lookup runs.
    place.streetCode = '110105018';
    rerender();
    expect(result.current).toEqual([]);
  });

  it("follows the typed number, in any format, to the caller's history, then to the next number typed", async () => {
    core = await openTestCore();
    await register(core, '楼内停水一天');
    let phone = '+86 139 1234 5678';
    const { result, rerender } = await renderHookOnCore(core, () => useCallerLookup(phone, null));
    await waitFor(() => expect(result.current.history).toMatchObject({ phoneKey: '13912345678', total: 1 }));
    phone = '13800138000';
    rerender();
    // After the typing pause, that caller, who has called about nothing yet.
    await waitFor(() => expect(result.current.history).toMatchObject({ phoneKey: '13800138000', total: 0 }));
  });
});
