import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { recordCall } from '../../src/main/store/calls-store';
import { outboxSize } from '../../src/main/store/ticket-store';
import { formatPhone } from '../../src/shared/domain/phone';
import type { Call } from '../../src/shared/server-api/cti';
import { renderApp } from './render-app';

let core: Core | undefined;
// Unmount first: a draft save still waiting when the form goes away must find the core open.
afterEach(async () => {
  cleanup();
  await core?.close();
});

describe('intake form', () => {
  it('refuses an incomplete ticket with the reason beside each field, writing nothing', async () => {
    const app = await renderApp();
    core = app.core;
    const phone = await screen.findByTestId('field-callerPhone');
    await app.user.click(phone);
    await app.user.keyboard('王先生{Control>}{Enter}{/Control}');
    expect(await screen.findByText('请选择诉求类型')).toBeTruthy();
    expect(screen.getByText('请填写诉求描述')).toBeTruthy();
    expect(screen.getByText(/^不是电话号码：/)).toBeTruthy();
    expect(outboxSize(app.core.db)).toBe(0);
    // The first wrong field gets the cursor back.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-requestType')));
  });

  it('inserts a quick phrase into the description from the keyboard', async () => {
    const app = await renderApp();
    core = app.core;
    const description = await screen.findByTestId('field-description');
    await app.user.click(description);
    await app.user.keyboard('{Alt>}p{/Alt}');
    expect(await screen.findByTestId('picker-phrase')).toBeTruthy();
    await app.user.keyboard('老人{ArrowDown}{ArrowUp}{Enter}');
    await waitFor(() => expect((description as HTMLTextAreaElement).value).toBe('家中有老人和儿童，情况较急。'));
  });

  // How soon is asserted by the kill test (tests/e2e/draft-kill.web.spec.ts) in a real browser, not here,
  // where a busy machine would make it flaky.
  it('saves what is typed as a draft without a save action', async () => {
    const app = await renderApp();
    core = app.core;
    const description = await screen.findByTestId('field-description');
    await app.user.click(description);
    await app.user.keyboard('路灯坏了');
    await waitFor(async () => {
      const drafts = await app.core.dispatch('drafts.list', {});
      expect(drafts).toMatchObject({ ok: true, value: [{ kind: 'intake', body: { description: '路灯坏了' } }] });
    });
  });

  it("shows a popped caller's history, never the previous caller's beside the new number", async () => {
    const app = await renderApp();
    core = app.core;
    const phone = (await screen.findByTestId('field-callerPhone')) as HTMLInputElement;
    const panel = screen.getByTestId('caller-panel');
    const at = new Date().toISOString();
    const answered = (id: string, from: string): Call => ({
      id,
      direction: 'in',
      from,
      to: '12345',
      queue: null,
      state: 'answered',
      users: ['agent1'],
      answeredBy: 'agent1',
      cause: null,
      startedAt: at,
      answeredAt: at,
      endedAt: null,
    });
    const first = formatPhone('13800138000');
    const second = formatPhone('13911112222');

    app.core.bus.emit('calls.changed', recordCall(app.core.db, answered('call-1', '13800138000')));
    await waitFor(() => expect(panel.querySelector('[data-testid="history-summary"]')?.parentElement?.textContent).toContain(first));
    // The next call pops while the form still holds the first caller's number (no ticket was made).
    app.core.bus.emit('calls.changed', recordCall(app.core.db, answered('call-2', '13911112222')));
    await waitFor(() => expect(phone.value).toBe(second));
    expect(panel.textContent).not.toContain(first);
    await waitFor(() => expect(panel.querySelector('[data-testid="history-summary"]')?.parentElement?.textContent).toContain(second));
  });
});
