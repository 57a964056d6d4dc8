import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '.';
import { useDuration } from './duration';

const minutes = (n: number) => n * 60_000;

describe('countdowns in words', () => {
  it.each([
    ['zh-CN', ['1 时 59 分', '1 天 0 时', '2 时 05 分', '-30 分']],
    ['en', ['1 h 59 min', '1 d 0 h', '2 h 05 min', '-30 min']],
  ] as const)('reads %s', async (locale, expected) => {
    const i18n = await createI18n(locale);
    const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
    const { result } = renderHook(() => useDuration(), { wrapper });
    expect([minutes(119), minutes(1440), minutes(125), -minutes(30)].map(result.current)).toEqual(expected);
  });
});
