import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { outboxSize } from '../../src/main/store/ticket-store';
import { fieldLimits } from '../../src/shared/domain/field-limits';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

async function intakeWithReference() {
  const app = await renderApp();
  core = app.core;
  const field = async (name: string) => (await screen.findByTestId(`field-${name}`)) as HTMLInputElement;
  return { ...app, field };
}

describe('the intake form’s input rules', { timeout: 90_000 }, () => {
  it('refuses a 10-digit mobile number, saying how many digits a mobile has, and writes nothing', async () => {
    const app = await intakeWithReference();
    await app.user.click(await app.field('callerPhone'));
    await app.user.keyboard('1332394310');
    await app.user.click(await app.field('description'));
    await app.user.keyboard('暖气不热{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/手机号码应为 11 位/)).toBeTruthy();
    expect(outboxSize(app.core.db)).toBe(0);
  });

  it('turns full-width digits typed into the phone field into ASCII at once', async () => {
    const app = await intakeWithReference();
    const phone = await app.field('callerPhone');
    await app.user.click(phone);
    await app.user.keyboard('＋８６　１３３２３９４３１０７');
    expect(phone.value).toBe('+86 13323943107');
  });

  it('shows each free-text field’s count against its limit, and refuses text past it naming the limit', async () => {
    const app = await intakeWithReference();
    const max = fieldLimits.description;
    const counter = await screen.findByTestId('counter-description');
    expect(counter.textContent).toBe(`0 / ${max}`);
    expect(screen.getByTestId('counter-addressDetail').textContent).toBe(`0 / ${fieldLimits.addressDetail}`);
    expect(screen.getByTestId('counter-callerName').textContent).toBe(`0 / ${fieldLimits.callerName}`);
    await app.user.click(await app.field('description'));
    await app.user.keyboard('暖气不热');
    await waitFor(() => expect(counter.textContent).toBe(`4 / ${max}`));
    await app.user.paste('长'.repeat(max));
    await waitFor(() => expect(counter.textContent).toBe(`${max + 4} / ${max}`));
    expect(screen.getByText(`最多 ${max} 字，现在 ${max + 4} 字；请删减到 ${max} 字以内`)).toBeTruthy();
    await app.user.keyboard('{Control>}{Enter}{/Control}');
    expect(outboxSize(app.core.db)).toBe(0);
  });
});
