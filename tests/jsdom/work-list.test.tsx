import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { WorklistPage } from '../../src/shared/contract/tickets';
import { WorkList } from '../../src/renderer/src/lifecycle/WorkList';
import { fillQueues, type QueueTicket } from '../support/queue-tickets';
import { testAgent } from '../support/sign-in';
import { openTestCore, renderOnCore } from './render-on-core';

/** The work list's keyboard and counts on a real core holding 10,000 tickets. */
let core: Core;
let tickets: QueueTicket[];
beforeAll(async () => {
  core = await openTestCore();
  tickets = fillQueues(core.db, 10_000, { me: testAgent.username });
  return () => core.close();
}, 60_000);
afterEach(() => vi.restoreAllMocks());

const listed = (kind: string) => tickets.filter((t) => t.fate === kind).length;
async function queueOrder(kind: 'undispatched' | 'callback'): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const answer = await core.dispatch('tickets.worklist', { kind, offset, limit: 500 });
    if (!answer.ok) throw new Error(answer.error.message);
    const page = answer.value as WorklistPage;
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
  }
}

function renderList(onSelect = vi.fn(), onOpen = vi.fn()) {
  return renderOnCore(core, <WorkList kind="callback" onKind={() => {}} selected={null} onSelect={onSelect} onOpen={onOpen} />);
}

describe('the work list', () => {
  it('shows each list with its count and the list as one Tab stop, rendering only the rows in view', async () => {
    const user = userEvent.setup();
    await renderList();
    const tabs = screen.getByTestId('work-lists');
    await waitFor(() => expect(within(tabs).getByText(`待回访 ${listed('callback')}`)).toBeTruthy());
    for (const [kind, name] of [
      ['undispatched', '待派单'],
      ['returned', '被退回'],
      ['extension', '延期申请'],
    ] as const)
      expect(within(tabs).getByText(`${name} ${listed(kind)}`)).toBeTruthy();
    expect(screen.getByTestId('work-count').textContent).toBe(`共 ${listed('callback')} 张`);
    const list = screen.getByTestId('work-list');
    expect(screen.getAllByTestId('work-row').length).toBeLessThan(30);

    // The list's tab, the search, the filters button, then the list: one stop, not one per row.
    const stops: (Element | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await user.tab();
      stops.push(document.activeElement);
    }
    expect(stops.filter((e) => e === list)).toHaveLength(1);
    expect(stops.indexOf(list)).toBe(3);
    expect(stops.some((e) => e?.getAttribute('data-testid') === 'work-row')).toBe(false);
  });

  it('moves by arrows, pages and to both ends, each move selecting the ticket under the cursor, Enter opening it', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const onOpen = vi.fn();
    await renderList(onSelect, onOpen);
    const order = await queueOrder('callback');
    const list = screen.getByTestId('work-list');
    await waitFor(() => expect(screen.getAllByTestId('work-row').length).toBeGreaterThan(0));
    act(() => list.focus());
    const cursorAt = async (index: number) =>
      waitFor(() => {
        expect(onSelect).toHaveBeenLastCalledWith(order[index]);
        expect(list.getAttribute('aria-activedescendant')).toBe(`work-row-${order[index]}`);
      });

    await user.keyboard('{ArrowDown}{ArrowDown}');
    await cursorAt(2);
    await user.keyboard('{ArrowUp}');
    await cursorAt(1);
    await user.keyboard('{PageDown}');
    await cursorAt(8);
    await user.keyboard('{PageUp}');
    await cursorAt(1);
    await user.keyboard('{End}');
    await cursorAt(order.length - 1);
    expect(screen.getByText(new RegExp(`^${tickets.find((t) => t.id === order.at(-1))!.fields.description}$`))).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(order.at(-1));
    await user.keyboard('{Home}');
    await cursorAt(0);
    expect(document.activeElement).toBe(list);
  });

  it('selects the first ticket on Home in a list just opened, where the cursor already is', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await renderList(onSelect);
    const order = await queueOrder('callback');
    const list = screen.getByTestId('work-list');
    await waitFor(() => expect(screen.getAllByTestId('work-row').length).toBeGreaterThan(0));
    act(() => list.focus());
    await user.keyboard('{Home}');
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith(order[0]));
  });

  it('shows the filtered count as the agent searches', async () => {
    const user = userEvent.setup();
    await renderList();
    await waitFor(() => expect(screen.getByTestId('work-count').textContent).toBe(`共 ${listed('callback')} 张`));
    await user.type(screen.getByTestId('work-search'), '噪音');
    const matching = tickets.filter((t) => t.fate === 'callback' && t.fields.description.includes('噪音')).length;
    await waitFor(() => expect(screen.getByTestId('work-count').textContent).toBe(`筛选出 ${matching} 张，共 ${listed('callback')} 张`));
  });
});
