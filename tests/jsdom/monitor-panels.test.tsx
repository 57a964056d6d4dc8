import { notifications } from '@mantine/notifications';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { newId } from '../../src/shared/domain/ids';
import type { MonitorTicket } from '../../src/shared/server-api/monitor';
import { NoticeForm } from '../../src/renderer/src/monitor/NoticeForm';
import { RatesTable } from '../../src/renderer/src/monitor/RatesTable';
import { useTicketActions } from '../../src/renderer/src/monitor/use-ticket-actions';
import { intakeFields } from '../support/fixtures';
import { openTestCore, renderHookOnCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  act(() => notifications.clean());
  await core?.close();
});

// A workstation with no central server: every monitor call is refused as unavailable.
describe('monitor panels when the server cannot answer', () => {
  it('keeps the notice and says it was not sent, in either language', async () => {
    core = await openTestCore();
    const user = userEvent.setup();
    const { i18n } = await renderOnCore(core, <NoticeForm />);
    const text = screen.getByTestId('notice-text') as HTMLInputElement;
    await user.click(text);
    await user.keyboard('十点开班会{Enter}');
    expect(await screen.findByText('公告没有发布：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
    expect(text.value).toBe('十点开班会');
    expect(screen.queryByText('公告已发布')).toBeNull();

    act(() => notifications.clean());
    await act(() => i18n.changeLanguage('en'));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The notice was not sent: The workstation core cannot be reached; try again shortly.')).toBeTruthy();
  });

  it('asks for the rates as it opens, and says the rates, the ranking and their exports could not be had instead of failing without a word', async () => {
    core = await openTestCore();
    const user = userEvent.setup();
    await renderOnCore(core, <RatesTable name={(code) => code ?? '—'} />);
    expect(await screen.findByText('指标没有取到：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
    expect(await screen.findByText('考核排名没有取到：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
    await user.click(screen.getByTestId('ranking-export'));
    expect(await screen.findByText('考核排名没有导出：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
    await user.click(screen.getByTestId('rates-export'));
    expect(await screen.findByText('指标没有导出：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
  });
});

describe('the lead acting on one ticket', () => {
  it('raises the urgency as a ticket event, and says in Chinese first why an action was refused', async () => {
    core = await openTestCore();
    const created = await core.dispatch('tickets.create', { fields: intakeFields });
    if (!created.ok) throw new Error(created.error.message);
    const ticket = created.value as { id: string; provisionalNo: string; createdAt: string };
    const row: MonitorTicket = {
      id: ticket.id,
      seq: 0,
      number: ticket.provisionalNo,
      status: 'registered',
      category: null,
      urgency: 'urgent',
      districtCode: intakeFields.districtCode!,
      streetCode: intakeFields.streetCode!,
      leadUnit: null,
      createdAt: ticket.createdAt,
      createdBy: 'agent.test',
      dueStage: 'dispatch',
      dueStartedAt: ticket.createdAt,
      dueAt: null,
      incidentId: null,
      urgedCount: 0,
    };
    const { result } = await renderHookOnCore(core, () => useTicketActions());
    act(() => result.current.escalate(row));
    await waitFor(() => expect(result.current.message).toEqual({ ok: true, text: '已升级为 3 特急' }));
    expect(await core.dispatch('tickets.get', { id: ticket.id })).toMatchObject({ ok: true, value: { fields: { urgency: 'emergency' } } });

    act(() => result.current.escalate({ ...row, id: newId() }));
    await waitFor(() => expect(result.current.message?.ok).toBe(false));
    expect(result.current.message?.text).toMatch(/^没有找到。 /);
  });
});
