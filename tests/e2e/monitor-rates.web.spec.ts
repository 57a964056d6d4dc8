import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parseCsv } from '../../src/shared/csv';
import { type RateGrouping, rateRows } from '../../src/shared/domain/rate-rows';
import { judgeTicket, type RateEvent, rateEventOf } from '../../src/shared/domain/rates';
import { referenceIndex, type ReferenceEntry } from '../../src/shared/domain/reference';
import { slaPolicyFrom } from '../../src/shared/domain/sla';
import { defaultTimeZone } from '../../src/shared/domain/working-calendar';
import type { TicketEvent } from '../../src/shared/domain/ticket';
import { foldTicket } from '../../src/shared/domain/ticket-fold';
import { type RateRow, rateNames } from '../../src/shared/server-api/monitor';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import { login, server } from './support/central-server';
import { forbidMouse, signInIfAsked, signOut } from './support/workstation-page';

/** A rate as the screen writes it: "80.0% (4/5)", or "— (0/0)" with nothing judged. */
const shown = (row: RateRow) =>
  rateNames.map((n) => `${row[n].rate === null ? '—' : `${(row[n].rate * 100).toFixed(1)}%`} (${row[n].met}/${row[n].of})`);

/** The rates table on screen: each row's key and its five cells. */
async function screenRows(page: Page): Promise<Record<string, string[]>> {
  return page
    .getByTestId('rates')
    .evaluate((table) =>
      Object.fromEntries(
        [...table.querySelectorAll('tbody tr')].map((tr) => [
          tr.getAttribute('data-key'),
          [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
        ]),
      ),
    );
}

/** Every event of the centre, read through the sync API as the lead may, grouped by ticket in server order. */
async function centreEvents(token: string): Promise<Map<string, TicketEvent[]>> {
  const byTicket = new Map<string, TicketEvent[]>();
  for (let after = 0; ;) {
    const page = await server<{ events: SequencedEvent[]; cursor: number; hasMore: boolean }>(
      'GET',
      `/api/sync/pull?after=${after}&limit=1000`,
      undefined,
      token,
    );
    for (const { event } of page.events) byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), event as TicketEvent]);
    after = page.cursor;
    if (!page.hasMore) return byTicket;
  }
}

async function referenceOf(token: string) {
  const items: ReferenceEntry[] = [];
  for (let after = 0; ;) {
    const page = await server<{ items: ReferenceEntry[]; cursor: number; hasMore: boolean }>(
      'GET',
      `/api/reference?after=${after}`,
      undefined,
      token,
    );
    items.push(...page.items);
    after = page.cursor;
    if (!page.hasMore) return referenceIndex(items);
  }
}

test('the rates on screen are those of the API and those the events give, in the UI export too', async ({ page }) => {
  test.setTimeout(420_000);
  const mouseUsed = await forbidMouse(page);
  await page.goto('/');
  await signInIfAsked(page, 'lead1');
  await page.keyboard.press('Alt+4');
  await page.getByTestId('monitor-tab-rates').focus();
  await page.keyboard.press('Enter');
  // This week's figures come as the tab opens: no button to press.
  // The lead's first sign-in fills the cache with the centre's open work meanwhile: slow on a busy machine.
  await expect(page.getByTestId('rates')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('rates-chart')).toBeVisible();
  await expect(page.getByTestId('ranking-units')).toBeVisible({ timeout: 120_000 });

  // A period that has ended (the seven days before today): nothing decided later can change it.
  const days = await page.evaluate(() => {
    const text = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const back = (n: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - n);
    return { from: text(back(7)), to: text(back(1)), fromIso: back(7).toISOString(), toIso: today.toISOString() };
  });
  await page.getByRole('radio', { name: '自定义' }).focus();
  await page.keyboard.press('Space');
  await page.getByTestId('rates-from').fill(days.from);
  await page.getByTestId('rates-to').fill(days.to);

  const token = await login('lead1');
  const [events, reference] = await Promise.all([centreEvents(token), referenceOf(token)]);
  const judged = [...events.entries()].flatMap(([id, log]) => {
    const { ticket } = foldTicket(log);
    if (!ticket) return [];
    const rateEvents = log.map(rateEventOf).filter((e): e is RateEvent => e !== null);
    return judgeTicket(
      {
        id,
        districtCode: ticket.fields.districtCode ?? null,
        limits: slaPolicyFrom(ticket, reference, defaultTimeZone),
        events: rateEvents,
      },
      Date.now(),
    );
  });

  for (const by of ['unit', 'district'] as const satisfies readonly RateGrouping[]) {
    await page.getByRole('radio', { name: by === 'unit' ? '按承办单位' : '按区' }).focus();
    await page.keyboard.press('Space');
    const table = page.getByTestId('rates');
    await expect(table).toHaveAttribute('data-by', by);
    await expect(table).toHaveAttribute('data-from', days.fromIso);
    await expect(table).toHaveAttribute('data-to', days.toIso);
    const onScreen = await screenRows(page);

    const api = await server<{ by: string; from: string; to: string; rows: RateRow[]; total: RateRow }>(
      'GET',
      `/api/monitor/rates?from=${encodeURIComponent(days.fromIso)}&to=${encodeURIComponent(days.toIso)}&by=${by}`,
      undefined,
      token,
    );
    const fromEvents = rateRows(judged, by, Date.parse(days.fromIso), Date.parse(days.toIso));
    const asShown = (answer: { rows: RateRow[]; total: RateRow }) =>
      Object.fromEntries([...answer.rows, answer.total].map((row) => [row.key, shown(row)]));
    expect(Object.keys(onScreen).length, `${by}: the seeded centre has figures for the week`).toBeGreaterThan(2);
    expect(onScreen).toEqual(asShown(api));
    expect(api).toEqual({ by, from: days.fromIso, to: days.toIso, ...fromEvents });
    expect(api.total.response.of, 'the seeded units answered dispatches in the week').toBeGreaterThan(0);
    expect(api.total.resolution.met, 'tickets were resolved in the week').toBeGreaterThan(0);

    // The file the lead downloads: a BOM for spreadsheets, and the figures of the screen.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('rates-export').focus();
    await page.keyboard.press('Enter');
    const file = fs.readFileSync(await (await downloading).path());
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(file.toString('utf8')).rows;
    const pctOf = (text: string) => (text.startsWith('—') ? '' : text.slice(0, text.indexOf('%')));
    expect(Object.fromEntries(csv.map((r) => [r.code, rateNames.map((n) => r[`${n}_pct`])]))).toEqual(
      Object.fromEntries(Object.entries(onScreen).map(([key, cells]) => [key, cells.map(pctOf)])),
    );
  }

  // The month's ranking downloads with its BOM too.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('ranking-export').focus();
  await page.keyboard.press('Enter');
  const ranking = fs.readFileSync(await (await downloading).path());
  expect([...ranking.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(ranking.toString('utf8')).toMatch(/^\ufefflevel,rank,code,name,score_pct,/);

  expect(mouseUsed()).toBe(false);
  await signOut(page);
});
