import { notifications } from '@mantine/notifications';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Ticket } from '../../src/shared/domain/ticket';
import { PickDialog } from '../../src/renderer/src/call-screen/PickDialog';
import { MergeActions } from '../../src/renderer/src/lifecycle/MergeActions';
import { intakeFields } from '../support/fixtures';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  act(() => notifications.clean());
  await core?.close();
  core = undefined;
});

async function run<T>(name: string, input: unknown): Promise<T> {
  const result = await core!.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('merge and its undo', () => {
  it('each asks first, starts at its first field, closes on Esc without a change, and undoes the merge with a reason', async () => {
    core = await openTestCore();
    const original = await run<Ticket>('tickets.create', { fields: intakeFields });
    const repeat = await run<Ticket>('tickets.create', { fields: intakeFields, duplicateOf: original.id });
    const user = userEvent.setup();
    const { rerender } = await renderOnCore(core, <MergeActions ticket={repeat} />);

    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('merge'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('merge-confirm')));
    expect(screen.getByTestId('merge-dialog').textContent).toContain(original.provisionalNo);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('merge-confirm')); // the focus stays in the dialog, past its close button
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('merge-dialog')).toBeNull());
    expect((await run<Ticket>('tickets.get', { id: repeat.id })).status).toBe('registered');

    await user.click(screen.getByTestId('merge'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('merge-confirm')));
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await run<Ticket>('tickets.get', { id: repeat.id })).resolution).toBe('merged'));
    const merged = await run<Ticket>('tickets.get', { id: repeat.id });
    rerender(<MergeActions ticket={merged} />);

    expect((await screen.findByTestId('merged-into')).textContent).toBe(`已合并到 ${original.provisionalNo}`);
    await user.click(screen.getByTestId('unmerge'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('unmerge-reason')));
    expect(screen.getByTestId('unmerge-dialog').textContent).toContain('已登记');
    await user.keyboard('{Enter}'); // no reason: nothing happens
    expect((await run<Ticket>('tickets.get', { id: repeat.id })).status).toBe('closed');
    await user.keyboard('不是同一件事{Enter}');
    await waitFor(async () => expect((await run<Ticket>('tickets.get', { id: repeat.id })).status).toBe('registered'));
    expect(await run<Ticket>('tickets.get', { id: repeat.id })).toMatchObject({
      resolution: null,
      mergedInto: null,
      duplicateOf: original.id,
    });
    expect(await screen.findByText(`工单 ${repeat.provisionalNo} 已撤销合并`)).toBeTruthy();
  });
});

describe('the pick dialog', () => {
  it('opens on its filter, keeps Tab inside past the close button, and closes on Esc without picking', async () => {
    core = await openTestCore();
    const onPick = vi.fn();
    const onClose = vi.fn();
    const user = userEvent.setup();
    await renderOnCore(
      core,
      <PickDialog title="选择" items={[{ id: 'a', label: '甲' }]} opened onPick={onPick} onClose={onClose} testId="picker-test" />,
    );
    const filter = await screen.findByRole('textbox', { name: '输入以筛选，↑↓ 选择，回车确认，Esc 取消' });
    await waitFor(() => expect(document.activeElement).toBe(filter));
    await user.tab();
    expect(document.activeElement).toBe(filter);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
    expect(onPick).not.toHaveBeenCalled();
  });
});
