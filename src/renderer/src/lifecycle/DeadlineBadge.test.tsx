import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { DeadlineBadge } from './DeadlineBadge';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe('the deadline badge', () => {
  it('says how long a ticket is over its limit without a minus sign beside "overdue"', async () => {
    const i18n = await createI18n('zh-CN');
    render(
      <MantineProvider>
        <I18nextProvider i18n={i18n}>
          <DeadlineBadge deadline={{ stage: 'dispatch', startedAt: minutes(-150), dueAt: minutes(-30.5) }} />
        </I18nextProvider>
      </MantineProvider>,
    );
    expect(screen.getByTestId('deadline').textContent).toBe('派单 已超时 30 分');
  });
});
