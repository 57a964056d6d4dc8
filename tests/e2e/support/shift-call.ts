import { expect, type Page } from '@playwright/test';
import { formatPhone } from '../../../src/shared/domain/phone';
import { type Census, type PhoneSwitch, serverTicketByNumber, shownAt, type watchKeys } from './shift';
import { typeIntake } from './workstation-page';

/** The shift as every step sees it: the agent's page, the server, the phone switch and the clock. */
export interface Shift {
  page: Page;
  token: string;
  ring: PhoneSwitch;
  census: Census;
  keys: Awaited<ReturnType<typeof watchKeys>>;
  /** How long each step took on the page, from the key (or the ring) to what it showed. */
  timings: { step: string; ms: number }[];
  /** Provisional numbers already announced, so each notice is read once. */
  seen: string[];
  /** Calls taken: rung by the switch, and callbacks made from the work pane. */
  calls: { rung: number; callbacks: number };
}

export interface Complaint {
  phone: string;
  requestType: string;
  category: [code: string, initials: string, label: string];
  district: [code: string, initials: string, zh: string];
  street: [code: string, initials: string, zh: string];
  address: string;
  description: string;
}

/** Rings the agent from `phone` and waits for the pop; `take` handles the call; then the caller hangs up. */
export async function onCall(shift: Shift, phone: string, step: string, take: (callId: string) => Promise<void>) {
  const { page } = shift;
  const rangAt = await shift.keys.now();
  const call = await shift.ring(phone);
  shift.calls.rung++;
  try {
    const key = /^0\d/.test(phone) || /^1\d{10}$/.test(phone) ? phone : phone.replace(/\D/g, '');
    const popped = await shownAt(page, '[data-testid="field-callerPhone"]', new RegExp(formatPhone(key).replace(/\s/g, '\\s')));
    shift.timings.push({ step: `${step}: pop`, ms: popped.at - rangAt });
    await expect(page.getByTestId('field-requestType')).toBeFocused();
    await take(call.callId);
  } finally {
    await call.hangUp();
  }
}

/** Presses `key` and waits for what it shows, timing it from the key on the page. */
export async function timedKey(shift: Shift, step: string, key: string, selector: string, pattern: RegExp) {
  // Watching before the key: on a busy machine a notice can come and go before a later look.
  const shown = shownAt(shift.page, selector, pattern, shift.seen);
  await shift.page.keyboard.press(key);
  const { at, match } = await shown;
  shift.timings.push({ step, ms: at - (await shift.keys.read()).lastAt });
  return match;
}

/** Ctrl+Enter; the notice's provisional number, and the ticket as the server holds it. */
export async function submitAndFetch(shift: Shift, step: string) {
  const number = await timedKey(shift, `${step}: submit`, 'Control+Enter', 'body', /已登记工单 (E2E2-\d{6})/);
  shift.seen.push(number);
  return (await serverTicketByNumber(number, shift.token)).ticket;
}
export type Registered = Awaited<ReturnType<typeof submitAndFetch>>;

/** The intake from the request type on; the description only up to `upTo` characters when told (the rest comes later). */
export async function typeComplaint(shift: Shift, c: Complaint, upTo = c.description.length) {
  const { page } = shift;
  await typeIntake(page, {
    requestType: c.requestType,
    category: c.category[1],
    district: c.district[1],
    street: c.street[1],
    address: c.address,
    description: c.description.slice(0, upTo),
  });
  await expect(page.getByTestId('field-category')).toHaveValue(c.category[2]);
  await expect(page.getByTestId('field-district')).toHaveValue(c.district[2]);
  await expect(page.getByTestId('field-street')).toHaveValue(c.street[2]);
}

export function expectRegistered(ticket: Registered, c: Complaint, phone = c.phone) {
  expect(ticket).toMatchObject({
    status: 'registered',
    createdBy: 'agent1',
    fields: {
      category: c.category[0],
      districtCode: c.district[0],
      streetCode: c.street[0],
      addressDetail: c.address,
      description: c.description,
      channel: 'phone',
    },
  });
  expect(ticket.officialNo).toMatch(/^\d{13}$/);
  expect(ticket.fields.callerPhone!.replace(/\D/g, '')).toBe(phone.replace(/\D/g, ''));
}

/** Tab (or Shift+Tab) until the element has the cursor: the keyboard's way there, whatever lies between. */
export async function tabTo(page: Page, target: ReturnType<Page['getByTestId']>, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 40) {
  for (let i = 0; i < most && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}
