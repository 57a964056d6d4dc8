import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { recordCall } from '../../src/main/store/calls-store';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { formatPhone } from '../../src/shared/domain/phone';
import type { TicketFields } from '../../src/shared/domain/ticket';
import type { Call } from '../../src/shared/server-api/cti';
import { intakeFields } from '../support/fixtures';
import { testAgent } from '../support/sign-in';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const me = testAgent.username;
const callOf = (id: string, from: string, state: Call['state']): Call => {
  const at = new Date().toISOString();
  return {
    id,
    direction: 'in',
    from,
    to: '12345',
    queue: null,
    state,
    users: [me],
    answeredBy: state === 'ringing' ? null : me,
    cause: state === 'ended' ? 'normalClearing' : null,
    startedAt: at,
    answeredAt: state === 'ringing' ? null : at,
    endedAt: state === 'ended' ? at : null,
  };
};
const ring = (app: Core, call: Call) => app.bus.emit('calls.changed', recordCall(app.db, call));

async function register(app: Core, fields: Partial<TicketFields>, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await app.dispatch('tickets.create', { fields: { ...intakeFields, ...fields }, ...extra });
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: string }).id;
}

/** The few reference items these tests read: a category for its name, and the centre's first wrap-up codes. */
function cacheReference(app: Core) {
  const items = [
    { kind: 'category', code: 'heating', body: { zh: '供暖', en: 'Heating', parent: null } },
    { kind: 'category', code: 'heating.temperature', body: { zh: '室温不达标', en: 'Room too cold', parent: 'heating', sla: 'utility' } },
    { kind: 'wrapup', code: 'answered', body: { zh: '咨询已解答', en: 'Question answered', order: 1, proposedFor: 'direct_answer' } },
    { kind: 'wrapup', code: 'ticket', body: { zh: '已登记工单', en: 'Ticket registered', order: 2, proposedFor: 'ticket' } },
    { kind: 'wrapup', code: 'nuisance', body: { zh: '骚扰电话', en: 'Nuisance call', order: 3 } },
  ].map((item) => ({ ...item, version: 1, deleted: false }));
  applyReferencePage(app.db, items, items.length, new Date().toISOString());
}

// Lookups go through the real core: on a busy machine they take longer than waitFor's default second.
const patience = { timeout: 8000 };
const summary = () => screen.getByTestId('caller-panel').querySelector('[data-testid="history-summary"]')?.parentElement?.textContent ?? '';

describe('the caller panel at real volume', () => {
  it("shows the ringing caller's history before the answer, with nothing left of the previous caller", async () => {
    const app = await renderApp();
    core = app.core;
    const previous = '13912345678';
    const next = '13800138000';
    await register(core, { callerPhone: next, description: '小区停车场收费不合理' });
    await register(core, { callerPhone: next, description: '楼下餐馆油烟扰民' });
    const phone = (await screen.findByTestId('field-callerPhone')) as HTMLInputElement;
    ring(core, callOf('call-1', previous, 'answered'));
    await waitFor(() => expect(summary()).toContain(formatPhone(previous)), patience);
    ring(core, callOf('call-1', previous, 'ended'));
    // The previous caller's number stays in the form (nothing registered); the next call rings.
    ring(core, callOf('call-2', next, 'ringing'));
    const panel = screen.getByTestId('caller-panel');
    await waitFor(() => expect(within(panel).getByTestId('current-call').textContent).toContain('来电振铃'), patience);
    expect(panel.textContent).not.toContain(formatPhone(previous));
    await waitFor(() => expect(summary()).toContain(formatPhone(next)), patience);
    expect(summary()).toContain('历史工单 2 张');
    expect(within(panel).getAllByTestId('caller-history-row')).toHaveLength(2);
    expect(phone.value).toBe(formatPhone(previous));
  }, 60_000);

  it('shows every one of a repeat caller’s 30 tickets, newest first, each with its status, on one line per cell', async () => {
    const app = await renderApp();
    core = app.core;
    cacheReference(core);
    const caller = '13700001111';
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push(await register(core, { callerPhone: caller, category: 'heating.temperature', description: `第 ${i + 1} 次来电` }));
    const phone = await screen.findByTestId('field-callerPhone');
    await app.user.click(phone);
    await app.user.keyboard(caller);
    await waitFor(() => expect(screen.getAllByTestId('caller-history-row')).toHaveLength(30), patience);
    const rows = screen.getAllByTestId('caller-history-row');
    expect(rows.map((r) => r.getAttribute('data-ticket-id'))).toEqual([...ids].reverse());
    expect(screen.getAllByTestId('caller-history-status').every((badge) => badge.textContent === '已登记')).toBe(true);
    const category = within(rows[0]!).getByTitle('室温不达标');
    expect(category.style.whiteSpace).toBe('nowrap');
    expect(category.style.textOverflow).toBe('ellipsis');
    expect(within(rows[0]!).getByTestId('caller-history-deadline').textContent).not.toBe('');
    // Thirty tickets written through the real core, each in its own durable transaction.
  }, 120_000);

  it("offers the caller's last name and address and takes them with Alt+A into the empty fields only", async () => {
    const app = await renderApp();
    core = app.core;
    cacheReference(core);
    const caller = '13600002222';
    await register(core, { callerPhone: caller, callerName: '王女士', addressDetail: '劲松三区 112 号楼' });
    const phone = await screen.findByTestId('field-callerPhone');
    await app.user.click(phone);
    await app.user.keyboard(caller);
    const offer = await screen.findByTestId('caller-offer', {}, patience);
    expect(offer.textContent).toContain('王女士');
    expect(offer.textContent).toContain('劲松三区 112 号楼');
    expect(offer.textContent).toContain('Alt + A');
    const name = screen.getByTestId('field-callerName') as HTMLInputElement;
    await app.user.click(name);
    await app.user.keyboard('李先生');
    await app.user.keyboard('{Alt>}a{/Alt}');
    const address = screen.getByTestId('field-addressDetail') as HTMLInputElement;
    await waitFor(() => expect(address.value).toBe('劲松三区 112 号楼'), patience);
    expect(name.value).toBe('李先生');
    // Nothing left to take: the offer goes.
    await waitFor(() => expect(screen.queryByTestId('caller-offer')).toBeNull(), patience);
  }, 60_000);

  it('asks for the wrap-up code at hang-up, proposes the one for the ticket registered, and takes it by keyboard', async () => {
    const app = await renderApp();
    core = app.core;
    cacheReference(core);
    const caller = '13500003333';
    ring(core, callOf('call-9', caller, 'answered'));
    await screen.findByTestId('current-call', {}, patience);
    await register(core, { callerPhone: caller }, { callId: 'call-9' });
    ring(core, callOf('call-9', caller, 'ended'));
    const due = await screen.findByTestId('wrap-up-due', {}, patience);
    await waitFor(() => expect(due.textContent).toContain('建议：已登记工单'), patience);
    await app.user.keyboard('{Alt>}u{/Alt}');
    const list = await screen.findByTestId('picker-wrapup', {}, patience);
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('已登记工单');
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('wrap-up-due')).toBeNull(), patience);
    expect(screen.getByTestId('wrapped-up').textContent).toContain('已登记工单');
    const row = core.db
      .prepare<[string], { wrapup_code: string; wrapup_report: string }>(`SELECT wrapup_code, wrapup_report FROM calls WHERE id = ?`)
      .get('call-9');
    expect(row).toEqual({ wrapup_code: 'ticket', wrapup_report: 'pending' });
  }, 60_000);
});
