import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { outboxSize } from '../../src/main/store/ticket-store';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

describe('intake form with pasted poison', () => {
  it('shows beside the field that a pasted control character cannot be stored, in either language, and registers nothing', async () => {
    const app = await renderApp();
    core = app.core;
    const description = await screen.findByTestId('field-description');
    await app.user.click(description);
    await app.user.paste('楼内停水\u0000一天');
    await app.user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('含有无法保存的字符（看不见的控制字符，常随粘贴带入），请删除后重新输入')).toBeTruthy();
    expect(outboxSize(app.core.db)).toBe(0);

    await app.user.keyboard('{Alt>}l{/Alt}');
    expect(await screen.findByText(/^Contains a character that cannot be stored/)).toBeTruthy();
  });
});
