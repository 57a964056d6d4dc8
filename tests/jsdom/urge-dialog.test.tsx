import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Ticket } from '../../src/shared/domain/ticket';
import type { MonitorTicket } from '../../src/shared/server-api/monitor';
import { TicketActions } from '../../src/renderer/src/monitor/TicketActions';
import { intakeFields } from '../support/fixtures';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const unit = 'street:110105017';
const day = 24 * 3600_000;

describe('the lead urging a unit from the keyboard', () => {
  it('types the reason and presses Enter: refused while the order is on time, urged once it is overdue', async () => {
    let ahead = 0;
    core = await openTestCore({ now: () => new Date(Date.now() + ahead) });
    const created = await core.dispatch('tickets.create', { fields: intakeFields });
    if (!created.ok) throw new Error(created.error.message);
    const ticket = created.value as Ticket;
    expect(await core.dispatch('tickets.dispatch', { id: ticket.id, unitCodes: [unit], leadUnitCode: unit })).toMatchObject({ ok: true });
    // The monitor's copy already shows the order overdue; the core judges by its own clock and the ticket it holds.
    const row: MonitorTicket = {
      id: ticket.id,
      seq: 0,
      number: ticket.provisionalNo,
      status: 'dispatched',
      category: null,
      urgency: 'urgent',
      districtCode: intakeFields.districtCode!,
      streetCode: intakeFields.streetCode!,
      leadUnit: unit,
      createdAt: ticket.createdAt,
      createdBy: 'agent.test',
      dueStage: 'feedback',
      dueStartedAt: new Date(Date.now() - 8 * day).toISOString(),
      dueAt: new Date(Date.now() - day).toISOString(),
      incidentId: null,
      urgedCount: 0,
    };
    const user = userEvent.setup();
    await renderOnCore(
      core,
      <TicketActions ticket={row} onClose={() => {}} name={(code) => (code === unit ? '劲松街道' : (code ?? '—'))} />,
    );

    const reason = await screen.findByTestId('urge-reason');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    await user.keyboard('已超期，请今天内反馈{Enter}');
    expect(await screen.findByText(/这张工单未超期也未临期/)).toBeTruthy();
    expect(await core.dispatch('tickets.get', { id: ticket.id })).toMatchObject({ ok: true, value: { urgedCount: 0 } });

    ahead = 30 * day;
    await user.keyboard('{Enter}');
    expect(await screen.findByText('已督办 劲松街道')).toBeTruthy();
    expect(await core.dispatch('tickets.get', { id: ticket.id })).toMatchObject({
      ok: true,
      value: { urgedCount: 1, lastUrge: { unitCode: unit, reason: '已超期，请今天内反馈' } },
    });
    const timeline = await core.dispatch('tickets.timeline', { id: ticket.id });
    expect(timeline.ok && (timeline.value as { entries: { type: string }[] }).entries.map((e) => e.type)).toContain('urged');
  });

  it('refuses a reassignment without its reason and records nothing', async () => {
    core = await openTestCore();
    const created = await core.dispatch('tickets.create', { fields: intakeFields });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as Ticket;
    await core.dispatch('tickets.dispatch', { id, unitCodes: [unit], leadUnitCode: unit });
    const moved = { id, unitCodes: ['company:heating'], leadUnitCode: 'company:heating', reassign: true };
    expect(await core.dispatch('tickets.dispatch', moved)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'reason' })] },
    });
    expect(await core.dispatch('tickets.get', { id })).toMatchObject({ ok: true, value: { leadUnitCode: unit } });
    expect(await core.dispatch('tickets.dispatch', { ...moved, reason: '属供热问题' })).toMatchObject({
      ok: true,
      value: { leadUnitCode: 'company:heating' },
    });
  });
});
