import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { storeNewTicket } from '../../src/main/store/ticket-store';
import { newId } from '../../src/shared/domain/ids';
import type { TicketEvent } from '../../src/shared/domain/ticket';
import { intakeFields } from '../support/fixtures';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
  core = undefined;
});

const unit = 'street:110105017';
const minutes = (m: number) => new Date(Date.parse('2026-11-20T02:00:00.000Z') + m * 60_000).toISOString();
let seq = 0;

/** A ticket confirmed by the server, its steps in the server's order, which is not the order they happened in. */
function storeTicket(db: Core['db'], number: string, steps: (ticketId: string) => Omit<TicketEvent, 'id' | 'ticketId' | 'origin'>[]) {
  const ticketId = newId();
  const created = {
    type: 'created',
    at: minutes(0),
    actor: 'agent2',
    payload: { provisionalNo: `AG2W-${number}`, fields: { ...intakeFields, description: `工单 ${number}：楼内停水` } },
  } as const;
  const events = [created, ...steps(ticketId)].map((e) => ({
    seq: ++seq,
    event: { ...e, id: newId(), ticketId, origin: 'AG2W' } as TicketEvent,
  }));
  storeNewTicket(db, events);
  return ticketId;
}

function fill(db: Core['db']) {
  applyReferencePage(
    db,
    [
      {
        kind: 'unit',
        code: unit,
        version: 1,
        deleted: false,
        body: { zh: '劲松街道办事处', en: 'Jinsong Subdistrict Office', type: 'street' },
      },
      { kind: 'person', code: 'agent2', version: 2, deleted: false, body: { name: '李强' } },
    ],
    2,
    new Date().toISOString(),
  );
  // Dispatched before the server numbered it (the number came with the rest of the batch), then the unit's side.
  const original = storeTicket(db, '000001', () => [
    { type: 'dispatched', at: minutes(30), actor: 'agent2', payload: { unitCodes: [unit], leadUnitCode: unit } },
    { type: 'numbered', at: minutes(1), actor: 'server', payload: { officialNo: '2026112000001' } },
    { type: 'unit_accepted', at: minutes(60), actor: `unit:${unit}`, payload: { unitCode: unit } },
  ]);
  const duplicate = storeTicket(db, '000002', () => [
    { type: 'linked_duplicate', at: minutes(2), actor: 'agent2', payload: { duplicateOf: original } },
  ]);
  return { original, duplicate };
}

const view = () => screen.getByTestId('ticket-view');
const focused = () => document.activeElement as HTMLElement;

describe('the one ticket view', () => {
  it('opens from a search result by Enter with names, not codes, in the order things happened; Esc returns to the row', async () => {
    const app = await renderApp();
    core = app.core;
    fill(app.core.db);
    await app.user.keyboard('{Alt>}s{/Alt}');
    await app.user.keyboard('2026112000001');
    const row = await screen.findByTestId('search-results-row');
    expect(screen.getByTestId('search-count').textContent).toBe('共 1 张工单');
    await app.user.tab();
    expect(focused()).toBe(row);
    await app.user.keyboard('{Enter}');

    await waitFor(() => expect(within(view()).getAllByTestId('timeline-entry')).toHaveLength(4));
    const entries = within(view()).getAllByTestId('timeline-entry');
    expect(entries.map((e) => e.dataset.type)).toEqual(['created', 'numbered', 'dispatched', 'unit_accepted']);
    // The names come from the cached reference data, a moment after the timeline.
    await waitFor(() =>
      expect(
        within(view())
          .getAllByTestId('timeline-actor')
          .map((a) => a.textContent),
      ).toEqual(['李强', '系统', '李强', '劲松街道办事处']),
    );
    expect(view().textContent).not.toContain('unit:street');
    expect(within(view()).getByTestId('ticket-field-unit').textContent).toBe('劲松街道办事处');
    expect(within(view()).getByTestId('ticket-field-urgency').textContent).toBe('紧急');
    expect(screen.getByTestId('pane-history').closest('[hidden]')).not.toBeNull();

    await app.user.keyboard('{Escape}');
    expect(screen.queryByTestId('ticket-view')).toBeNull();
    expect(focused()).toBe(screen.getByTestId('search-results-row'));
    expect(screen.getByTestId('pane-history').closest('[hidden]')).toBeNull();
  }, 30_000);

  it('shows the duplicates of a ticket and the one it repeats; each opens in the same view, and Back walks back to the pane', async () => {
    const app = await renderApp();
    core = app.core;
    fill(app.core.db);
    await app.user.keyboard('{Alt>}s{/Alt}');
    await app.user.keyboard('AG2W-000002');
    const row = await screen.findByTestId('search-results-row');
    row.focus();
    await app.user.keyboard('{Enter}');
    const original = await within(view()).findByTestId('link-original');
    expect(original.textContent).toContain('2026112000001');
    // The timeline's link step opens the original too.
    expect(within(view()).getByTestId('timeline-link').textContent).toBe('打开工单 2026112000001');
    await app.user.click(original);
    await waitFor(() => expect(within(view()).queryByTestId('link-duplicate')?.textContent).toContain('AG2W-000002'));
    expect(within(view()).getByTestId('ticket-back').textContent).toContain('返回上一张工单');

    await app.user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(() => expect(within(view()).queryByTestId('link-original')).not.toBeNull());
    await app.user.keyboard('{Escape}');
    expect(screen.queryByTestId('ticket-view')).toBeNull();
    expect(focused()).toBe(screen.getByTestId('search-results-row'));
  }, 30_000);

  it('opens the same view from the work list and from the caller history on the call screen', async () => {
    const app = await renderApp();
    core = app.core;
    fill(app.core.db);
    // The duplicate waits for dispatch: the work list's row.
    await app.user.keyboard('{Alt>}3{/Alt}');
    const workRow = await screen.findByTestId('work-row');
    // The list is one Tab stop: the cursor stays on it, the row under the cursor is its active descendant.
    const workList = screen.getByTestId('work-list');
    workList.focus();
    await app.user.keyboard('{ArrowDown}');
    await waitFor(() => expect(workList.getAttribute('aria-activedescendant')).toBe(workRow.id));
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(within(view()).getByTestId('ticket-description').textContent).toBe('工单 000002：楼内停水'));
    expect(within(view()).getByTestId('routing-form')).toBeTruthy();
    await app.user.keyboard('{Escape}');
    expect(focused()).toBe(screen.getByTestId('work-list'));
    expect(focused()?.getAttribute('aria-activedescendant')).toBe(screen.getByTestId('work-row').id);

    // The caller's history beside the intake form.
    await app.user.keyboard('{Alt>}1{/Alt}');
    await app.user.click(screen.getByTestId('field-callerPhone'));
    await app.user.keyboard(intakeFields.callerPhone!);
    const historyRows = await screen.findAllByTestId('caller-history-row', undefined, { timeout: 5000 });
    expect(historyRows).toHaveLength(2);
    historyRows[0]!.focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(within(view()).getAllByTestId('timeline-entry').length).toBeGreaterThan(0));
    await app.user.keyboard('{Escape}');
    expect(focused()).toBe(screen.getAllByTestId('caller-history-row')[0]);
    // What was typed at intake is still there.
    expect((screen.getByTestId('field-callerPhone') as HTMLInputElement).value).toBe(intakeFields.callerPhone);
  }, 30_000);
});
