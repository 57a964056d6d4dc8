import type { SlaClass } from './categories';

/**
 * Time limits of Beijing's standard for 12345 work orders (DB11, 2023):
 * dispatch within 1 h for emergencies and safety, 2 h for water, power, gas, heating and extreme
 * weather, 24 h otherwise; unit feedback within 2 h / 24 h / 7 days / 15 days.
 *
 * The days are kept as elapsed time (7 × 24 h) by default. A centre that counts them in working
 * days sets the policy's feedbackWorkingDays (7 and 15) in the administrator's console: the
 * calendar it needs (calendarDay, catalogue/calendar.ts) is seeded either way.
 */
export const slaPolicies: Record<SlaClass, { zh: string; en: string; dispatchMinutes: number; feedbackMinutes: number }> = {
  emergency: { zh: '紧急类', en: 'Emergency and safety', dispatchMinutes: 60, feedbackMinutes: 2 * 60 },
  utility: { zh: '民生保障类', en: 'Utilities and extreme weather', dispatchMinutes: 2 * 60, feedbackMinutes: 24 * 60 },
  general: { zh: '一般类', en: 'General', dispatchMinutes: 24 * 60, feedbackMinutes: 7 * 24 * 60 },
  complex: { zh: '复杂类', en: 'Complex', dispatchMinutes: 24 * 60, feedbackMinutes: 15 * 24 * 60 },
};
