import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { applyPushResults } from '../../src/main/store/sync-store';
import { recordEvent } from '../../src/main/store/ticket-store';
import { createClient } from '../../src/renderer/src/api/client';
import type { Reference } from '../../src/renderer/src/call-screen/use-reference';
import { createI18n } from '../../src/renderer/src/i18n';
import { Timeline } from '../../src/renderer/src/lifecycle/Timeline';
import { WorkstationProvider } from '../../src/renderer/src/shell/api-context';
import { RejectionsDialog } from '../../src/renderer/src/shell/RejectionsDialog';
import type { Locale } from '../../src/shared/contract/settings';
import { eventsBy } from '../support/event-builder';
import { intakeFields } from '../support/fixtures';
import { signInHere, testAgent } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';
import { coreTransport } from './core-transport';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
  core = undefined;
});

const noReference: Reference = {
  categories: [],
  districts: [],
  streets: [],
  requestTypes: [],
  units: [],
  allCategories: [],
  allUnits: [],
  byKey: new Map(),
};

/**
 * A real core with one ticket whose edit the server refused as a clash with agent2's, closed
 * since: retrying the edit is refused again, by the workstation's own fold.
 */
async function refusedEdit() {
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'K7Q2' });
  await signInHere(core);
  const { api } = createClient(coreTransport(core));
  const ticketId = (await api.tickets.create({ fields: intakeFields })).id;
  await api.tickets.update({ id: ticketId, changes: { callerWants: '今天内恢复供水' } });
  const events = core.db.prepare(`SELECT id, type FROM ticket_events WHERE ticket_id = ? ORDER BY local_seq`).all(ticketId) as {
    id: string;
    type: string;
  }[];
  const edit = events.find((e) => e.type === 'updated')!.id;
  applyPushResults(core.db, [
    { id: events[0]!.id, status: 'accepted', seq: 1 },
    { id: edit, status: 'rejected', refusal: { code: 'field_conflict', params: { fields: ['callerWants'], actor: 'agent2' } } },
  ]);
  const closed = eventsBy(testAgent.username, 'K7Q2').next(ticketId, 'closed', { resolution: 'withdrawn' });
  recordEvent(core.db, closed, new Date().toISOString());
  return { core, ticketId };
}

async function renderIn(locale: Locale, ui: React.ReactNode) {
  const i18n = await createI18n(locale);
  const transport = coreTransport(core!);
  return render(
    <I18nextProvider i18n={i18n}>
      <WorkstationProvider value={{ ...createClient(transport), transport }}>
        <MantineProvider>{ui}</MantineProvider>
      </WorkstationProvider>
    </I18nextProvider>,
  );
}

const says = {
  'zh-CN': {
    clash: '工单已被他人修改：agent2 在您打开工单后改了“市民诉求”。请查看最新内容后重新修改。',
    retry: '重新提交',
    closed: '工单当前为“已办结”，不能再做“修改”：请查看工单的最新状态。',
  },
  en: {
    clash:
      'Someone else changed this ticket: agent2 changed "What the caller wants" after you opened it. ' +
      'Review it and make your change again.',
    retry: 'Retry',
    closed: 'A ticket that is "Closed" cannot take "Changed": look at the ticket as it is now.',
  },
} as const;

describe('refusals in the UI', () => {
  it.each(['zh-CN', 'en'] as const)('lists a refused change, and the refusal of its retry, in %s', async (locale) => {
    await refusedEdit();
    await renderIn(locale, <RejectionsDialog opened onClose={() => {}} />);
    const table = await screen.findByTestId('rejections');
    expect(within(table).getByText(says[locale].clash).dataset.code).toBe('field_conflict');
    await userEvent.setup().click(within(table).getByRole('button', { name: says[locale].retry }));
    expect((await screen.findByRole('alert')).textContent).toBe(says[locale].closed);
  });

  it.each(['zh-CN', 'en'] as const)("shows the refusal on the ticket's timeline in %s", async (locale) => {
    const { ticketId } = await refusedEdit();
    const { entries } = await createClient(coreTransport(core!)).api.tickets.timeline({ id: ticketId });
    await renderIn(locale, <Timeline entries={entries} reference={noReference} />);
    expect(screen.getByText(says[locale].clash).dataset.code).toBe('field_conflict');
  });
});
