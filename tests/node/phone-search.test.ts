import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { CallerHistory } from '../../src/shared/contract/callers';
import type { TicketSummary } from '../../src/shared/contract/tickets';
import type { Ticket } from '../../src/shared/domain/ticket';
import { intakeFields } from '../support/fixtures';
import { signInHere } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';
import { ok, openFixedCore } from './filled-cache';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

async function signedInCore(): Promise<Core> {
  const core = openFixedCore(tempDir());
  opened.push(core);
  await signInHere(core);
  return core;
}

const mobileWritten = ['13323943107', '+86 133 2394 3107', '0086-133-2394-3107', '133 2394 3107', '１３３２３９４３１０７'];
const landlineWritten = [
  '01083032336',
  '010-8303 2336',
  '+86 10 8303 2336',
  '0086 10 8303 2336',
  '8303 2336',
  '（０１０）８３０３２３３６',
];

describe.each([
  ['a mobile', mobileWritten],
  ['a landline', landlineWritten],
])('%s number in any way the intake accepts it, on real SQLite', (_, written) => {
  it.each(written)('stored as %j, is found by search, caller history and duplicates written every other way', async (stored) => {
    const core = await signedInCore();
    const call = core.dispatch;
    const ticket = ok(
      await call('tickets.create', { fields: { ...intakeFields, category: 'water.outage', callerPhone: stored } }),
    ) as Ticket;
    const other = ok(await call('tickets.create', { fields: { ...intakeFields, category: 'water.outage', callerPhone: '13900001111' } }));
    for (const query of written) {
      const found = ok(await call('tickets.search', { query, limit: 10 })) as TicketSummary[];
      expect(
        found.map((t) => t.id),
        `search ${query}`,
      ).toEqual([ticket.id]);
      const history = ok(await call('callers.history', { phone: query, limit: 10 })) as CallerHistory;
      expect(
        history.tickets.map((t) => t.id),
        `history ${query}`,
      ).toEqual([ticket.id]);
      // The same caller, said to be in another street: still a likely duplicate of their open ticket.
      const similar = ok(
        await call('tickets.similar', { category: 'water.outage', streetCode: '110108023', description: '停水', callerPhone: query }),
      ) as { ticket: TicketSummary }[];
      expect(
        similar.map((s) => s.ticket.id),
        `duplicates ${query}`,
      ).toEqual([ticket.id]);
    }
    expect(other).toBeTruthy();
  });
});

describe('searching by the start of a number', () => {
  it('finds it as typed so far, with or without the country code, and nothing else', async () => {
    const core = await signedInCore();
    const ticket = ok(await core.dispatch('tickets.create', { fields: { ...intakeFields, callerPhone: '13323943107' } })) as Ticket;
    const landline = ok(await core.dispatch('tickets.create', { fields: { ...intakeFields, callerPhone: '010-8303 2336' } })) as Ticket;
    ok(await core.dispatch('tickets.create', { fields: { ...intakeFields, callerPhone: '13900001111' } }));
    const ids = async (query: string) =>
      (ok(await core.dispatch('tickets.search', { query, limit: 10 })) as TicketSummary[]).map((t) => t.id);
    expect(await ids('133 2394')).toEqual([ticket.id]);
    expect(await ids('+86 133 2394')).toEqual([ticket.id]);
    expect(await ids('010-8303')).toEqual([landline.id]);
    expect(await ids('+86 10 8303')).toEqual([landline.id]);
  });
});
