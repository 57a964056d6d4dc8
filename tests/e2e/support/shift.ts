import { expect, type Page } from '@playwright/test';
import { phoneKey } from '../../../src/shared/domain/phone';
import type { Ticket, TicketEvent } from '../../../src/shared/domain/ticket';
import { login, server } from './central-server';

/** One row of the server's caller index: enough to count the centre and find its repeat callers. */
interface IndexEntry {
  ticketId: string;
  callerPhone: string;
  officialNo: string;
  status: string;
}

export interface Caller {
  key: string;
  tickets: IndexEntry[];
  open: IndexEntry[];
}

/** The seeded centre as the server tells it: every ticket with a caller, by status and by caller. */
export async function centreCensus(token: string) {
  const entries: IndexEntry[] = [];
  const since = new Date(Date.now() - 120 * 86_400_000).toISOString();
  const until = new Date(Date.now() + 86_400_000).toISOString();
  for (let after = ''; ;) {
    const page = await server<{ entries: IndexEntry[]; next: string | null }>(
      'GET',
      `/api/sync/caller-index?since=${since}&until=${until}&after=${after}&limit=5000`,
      undefined,
      token,
    );
    entries.push(...page.entries);
    if (!page.next) break;
    after = page.next;
  }
  const callers = new Map<string, Caller>();
  for (const entry of entries) {
    const key = phoneKey(entry.callerPhone) ?? entry.callerPhone;
    const caller = callers.get(key) ?? { key, tickets: [], open: [] };
    caller.tickets.push(entry);
    if (entry.status !== 'closed') caller.open.push(entry);
    callers.set(key, caller);
  }
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  return { entries, callers: [...callers.values()], open: entries.length - count('closed'), feedback: count('feedback') };
}
export type Census = Awaited<ReturnType<typeof centreCensus>>;

/** The fake phone switch: rings agent1 (extension 8001) from a number, answers, hangs up. */
export async function phoneSwitch() {
  const { token } = await server<{ token: string }>(
    'POST',
    '/api/admin/cti-switches',
    { name: `shift-${Date.now()}` },
    await login('admin'),
  );
  let calls = 0;
  return async (from: string) => {
    const callId = `shift-${Date.now()}-${++calls}`;
    const cti = (event: Record<string, unknown>) =>
      server('POST', `/api/cti/${token}`, { from, to: '12345', direction: 'in', callId, ...event });
    await cti({ event: 'newCall', user: ['agent1'] });
    await cti({ event: 'answer', answeringNumber: '8001' });
    return { callId, hangUp: () => cti({ event: 'hangup', cause: 'normalClearing' }) };
  };
}
export type PhoneSwitch = Awaited<ReturnType<typeof phoneSwitch>>;

/**
 * Counts the agent's trusted key presses (all, and those outside free-text fields) and notes the
 * page's clock at the last one, so a step is timed from the page: from the key to what it showed.
 */
export async function watchKeys(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { shiftKeys: { all: number; structured: string[]; lastAt: number } };
    w.shiftKeys = { all: 0, structured: [], lastAt: 0 };
    window.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted) return;
        const target = event.target as Element | null;
        w.shiftKeys.all++;
        w.shiftKeys.lastAt = performance.now();
        if (!target?.closest?.('[data-free-text]')) w.shiftKeys.structured.push(event.key);
      },
      true,
    );
  });
  type Keys = { all: number; structured: string[]; lastAt: number };
  const read = () => page.evaluate(() => (window as unknown as { shiftKeys: Keys }).shiftKeys);
  return {
    read,
    reset: () => page.evaluate(() => Object.assign((window as unknown as { shiftKeys: Keys }).shiftKeys, { all: 0, structured: [] })),
    /** The page's time now (for steps that start with something other than a key, like a ring). */
    now: () => page.evaluate(() => performance.now()),
  };
}

/**
 * The page's clock when an element matching `selector` first shows a value (inputs) or text matching
 * `pattern`, skipping matches in `seen`; and the match (its first group if it has one).
 */
export async function shownAt(page: Page, selector: string, pattern: RegExp, seen: string[] = []): Promise<{ at: number; match: string }> {
  const handle = await page.waitForFunction(
    ({ selector, source, seen }) => {
      for (const element of document.querySelectorAll(selector)) {
        const text =
          element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? '');
        for (const m of text.matchAll(new RegExp(source, 'g'))) {
          const match = m[1] ?? m[0];
          if (!seen.includes(match)) return { at: performance.now(), match };
        }
      }
      return false;
    },
    { selector, source: pattern.source, seen },
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as { at: number; match: string };
}

/** The server's copy of a ticket the workstation registered, found by its provisional number once it has synced. */
export async function serverTicketByNumber(
  provisionalNo: string,
  token: string,
): Promise<{ ticket: Ticket; events: { event: TicketEvent }[] }> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const { tickets } = await server<{ tickets: Ticket[] }>('GET', '/api/tickets?limit=200', undefined, token);
        id = tickets.find((t) => t.provisionalNo === provisionalNo)?.id;
        return id;
      },
      { message: `${provisionalNo} on the server`, timeout: 30_000 },
    )
    .toBeTruthy();
  return serverTicket(id!, token);
}

export const serverTicket = (id: string, token: string) =>
  server<{ ticket: Ticket; events: { event: TicketEvent }[] }>('GET', `/api/tickets/${id}`, undefined, token);
