/**
 * China's public holidays as the State Council arranged them (国务院办公厅关于部分节假日安排的通知,
 * 国办发明电〔2024〕12号 for 2025 and 国办发明电〔2025〕7号 for 2026): the weekdays off, and the
 * weekend days worked instead (调休上班). Weekend days inside a holiday are weekend days anyway and
 * are not listed. A centre elsewhere replaces these with its own in the administrator's console.
 */
interface Holiday {
  zh: string;
  en: string;
  /** Weekdays off. */
  off: string[];
  /** Weekend days worked. */
  worked: string[];
}

export const holidays: Holiday[] = [
  { zh: '元旦', en: "New Year's Day", off: ['2025-01-01'], worked: [] },
  {
    zh: '春节',
    en: 'Spring Festival',
    off: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
    worked: ['2025-01-26', '2025-02-08'],
  },
  { zh: '清明节', en: 'Qingming Festival', off: ['2025-04-04'], worked: [] },
  { zh: '劳动节', en: 'Labour Day', off: ['2025-05-01', '2025-05-02', '2025-05-05'], worked: ['2025-04-27'] },
  { zh: '端午节', en: 'Dragon Boat Festival', off: ['2025-06-02'], worked: [] },
  {
    zh: '国庆节、中秋节',
    en: 'National Day and Mid-Autumn Festival',
    off: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
    worked: ['2025-09-28', '2025-10-11'],
  },
  { zh: '元旦', en: "New Year's Day", off: ['2026-01-01', '2026-01-02'], worked: ['2026-01-04'] },
  {
    zh: '春节',
    en: 'Spring Festival',
    off: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
    worked: ['2026-02-14', '2026-02-28'],
  },
  { zh: '清明节', en: 'Qingming Festival', off: ['2026-04-06'], worked: [] },
  { zh: '劳动节', en: 'Labour Day', off: ['2026-05-01', '2026-05-04', '2026-05-05'], worked: ['2026-05-09'] },
  { zh: '端午节', en: 'Dragon Boat Festival', off: ['2026-06-19'], worked: [] },
  { zh: '中秋节', en: 'Mid-Autumn Festival', off: ['2026-09-25'], worked: [] },
  {
    zh: '国庆节',
    en: 'National Day',
    off: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    worked: ['2026-09-20', '2026-10-10'],
  },
];

/** The calendarDay items: a holiday's weekdays off, and its make-up working days. */
export function calendarDays(): { code: string; body: { zh: string; en: string; workday: boolean } }[] {
  return holidays.flatMap((h) => [
    ...h.off.map((code) => ({ code, body: { zh: h.zh, en: h.en, workday: false } })),
    ...h.worked.map((code) => ({ code, body: { zh: `${h.zh}调休上班`, en: `Working day for the ${h.en}`, workday: true } })),
  ]);
}
