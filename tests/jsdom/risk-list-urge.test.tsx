import { notifications } from '@mantine/notifications';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Ticket } from '../../src/shared/domain/ticket';
import type { MonitorTicket } from '../../src/shared/server-api/monitor';
import type { RiskRow } from '../../src/renderer/src/monitor/monitor-state';
import { RiskList } from '../../src/renderer/src/monitor/RiskList';
import { intakeFields } from '../support/fixtures';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  act(() => notifications.clean());
  await core?.close();
});

const unit = 'street:110105017';
const day = 24 * 3600_000;
const name = (code: string | null) => (code === unit ? '劲松街道' : (code ?? '—'));

/** A ticket in the core, dispatched to the unit unless told, and its row as the monitor shows it: overdue. */
async function overdueRow(core: Core, dispatched = true): Promise<RiskRow> {
  const created = await core.dispatch('tickets.create', { fields: intakeFields });
  if (!created.ok) throw new Error(created.error.message);
  const ticket = created.value as Ticket;
  if (dispatched) {
    expect(await core.dispatch('tickets.dispatch', { id: ticket.id, unitCodes: [unit], leadUnitCode: unit })).toMatchObject({ ok: true });
  }
  const row: MonitorTicket = {
    id: ticket.id,
    seq: 0,
    number: ticket.provisionalNo,
    status: dispatched ? 'dispatched' : 'registered',
    category: null,
    urgency: 'urgent',
    districtCode: intakeFields.districtCode!,
    streetCode: intakeFields.streetCode!,
    leadUnit: dispatched ? unit : null,
    createdAt: ticket.createdAt,
    createdBy: 'agent.test',
    dueStage: dispatched ? 'feedback' : 'dispatch',
    dueStartedAt: new Date(Date.now() - 8 * day).toISOString(),
    dueAt: new Date(Date.now() - day).toISOString(),
    incidentId: null,
    urgedCount: 0,
  };
  return { ticket: row, msLeft: -day, state: 'overdue' };
}

const urgedCount = async (core: Core, id: string) => {
  const answer = await core.dispatch('tickets.get', { id });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as Ticket).urgedCount;
};

describe('urging from the overdue list with one key', () => {
  it("urges the selected row's unit with U, and says why when the core refuses", async () => {
    let ahead = 0;
    core = await openTestCore({ now: () => new Date(Date.now() + ahead) });
    const first = await overdueRow(core);
    const second = await overdueRow(core);
    const user = userEvent.setup();
    await renderOnCore(
      core,
      <RiskList rows={[first, second]} kind="overdue" filter="" onFilter={() => {}} name={name} onOpen={() => {}} />,
    );
    const list = screen.getByTestId('overdue-list');
    list.focus();

    // The core's own clock says the order is still on time: refused, in words that say when urging works.
    await user.keyboard('{ArrowDown}u');
    expect(await screen.findByText(/^没有督办：这张工单未超期也未临期（承办单位反馈期限 .+），临期或超期后才能督办。$/)).toBeTruthy();
    expect(await urgedCount(core, second.ticket.id)).toBe(0);

    ahead = 30 * day;
    act(() => notifications.clean());
    await user.keyboard('U');
    expect(await screen.findByText(`已督办工单 ${second.ticket.number} 的承办单位 劲松街道`)).toBeTruthy();
    await waitFor(async () => expect(await urgedCount(core!, second.ticket.id)).toBe(1));
    const stored = await core.dispatch('tickets.get', { id: second.ticket.id });
    expect(stored).toMatchObject({ ok: true, value: { lastUrge: { unitCode: unit, reason: '工单已超期，请尽快办理并反馈。' } } });
    // Only the selected row was urged.
    expect(await urgedCount(core, first.ticket.id)).toBe(0);
  });

  it('says a ticket not yet with a unit is dispatched first, and urges nothing', async () => {
    core = await openTestCore();
    const row = await overdueRow(core, false);
    const user = userEvent.setup();
    await renderOnCore(core, <RiskList rows={[row]} kind="risk" filter="" onFilter={() => {}} name={name} onOpen={() => {}} />, 'en');
    screen.getByTestId('risk-list').focus();
    await user.keyboard('u');
    expect(
      await screen.findByText(`Ticket ${row.ticket.number} is not with a unit yet: dispatch it first (Enter opens it), then urge.`),
    ).toBeTruthy();
    expect(await urgedCount(core, row.ticket.id)).toBe(0);
  });
});
