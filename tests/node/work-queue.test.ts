import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import type { WorklistFilter, WorklistPage } from '../../src/shared/contract/tickets';
import { clockAt } from '../../src/shared/domain/sla';
import type { WorkListKind } from '../../src/shared/domain/work-list';
import { fillQueues, type QueueTicket, queueCategories, queueDistricts, queueUnits } from '../support/queue-tickets';
import { signInHere, testAgent } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';

/** The work lists as queues, on a real cache of 10,000 tickets: order, filters, search, paging. */
let core: Core;
let tickets: QueueTicket[];
const count = 10_000;

beforeAll(async () => {
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: '1', workstationCode: 'K7Q2' });
  await signInHere(core);
  tickets = fillQueues(core.db, count, { me: testAgent.username });
}, 120_000);
afterAll(() => core.close());

async function page(input: Record<string, unknown>): Promise<WorklistPage> {
  const answer = await core.dispatch('tickets.worklist', input);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as WorklistPage;
}

/** Every row of a list under a filter, page after page by cursor. */
async function everything(kind: WorkListKind, extra: { filter?: WorklistFilter; query?: string } = {}, limit = 500) {
  const rows: WorklistPage['rows'] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const next = await page({ kind, ...extra, limit, ...(cursor ? { cursor } : {}) });
    rows.push(...next.rows);
    cursor = next.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { rows, pages };
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const inList = (kind: WorkListKind) => tickets.filter((t) => t.fate === kind);

describe('a work list on a 10,000-ticket cache', () => {
  it('counts each list and orders it by time left, the overdue first, each ticket once', async () => {
    const first = await page({ kind: 'undispatched' });
    for (const kind of ['undispatched', 'returned', 'callback', 'extension'] as const)
      expect(first.counts[kind], kind).toBe(inList(kind).length);
    expect(first.rows).toHaveLength(100);
    expect(first.total).toBe(inList('undispatched').length);

    const { rows, pages } = await everything('undispatched');
    expect(pages).toBeGreaterThan(1);
    expect(idsOf(rows)).toEqual(idsOf(inList('undispatched')));
    const due = rows.map((r) => r.deadline!.dueAt);
    expect(due).toEqual([...due].sort());
    const now = new Date();
    const states = rows.map((r) => clockAt(r.deadline!.startedAt, r.deadline!.dueAt, now).state);
    // Overdue, then at risk, then on time: the least time left leads, and there is some of each.
    expect(states.indexOf('overdue')).toBe(0);
    expect(states.lastIndexOf('overdue')).toBeLessThan(states.indexOf('at_risk'));
    expect(states.lastIndexOf('at_risk')).toBeLessThan(states.indexOf('on_time'));
  });

  it('puts callbacks, which have no clock, longest waiting first', async () => {
    const { rows } = await everything('callback');
    expect(idsOf(rows)).toEqual(idsOf(inList('callback')));
    expect(rows.every((r) => r.deadline === null)).toBe(true);
    const created = rows.map((r) => r.createdAt);
    expect(created).toEqual([...created].sort());
  });

  const filters: [string, WorkListKind, WorklistFilter, (t: QueueTicket) => boolean][] = [
    ['category', 'undispatched', { category: queueCategories[1] }, (t) => t.fields.category === queueCategories[1]],
    ['district', 'callback', { districtCode: queueDistricts[2] }, (t) => t.fields.districtCode === queueDistricts[2]],
    ['unit', 'extension', { unitCode: queueUnits[0] }, (t) => t.leadUnitCode === queueUnits[0]],
    ['status', 'extension', { status: 'in_progress' }, (t) => t.status === 'in_progress'],
    ['mine', 'undispatched', { mine: true }, (t) => t.actors.includes(testAgent.username)],
    ['mine, worked on', 'callback', { mine: true }, (t) => t.actors.includes(testAgent.username)],
    [
      'several',
      'returned',
      { mine: true, districtCode: queueDistricts[0] },
      (t) => t.actors.includes(testAgent.username) && t.fields.districtCode === queueDistricts[0],
    ],
  ];
  it.each(filters)('filters by %s, with the filtered count', async (_, kind, filter, holds) => {
    const expected = inList(kind).filter(holds);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(inList(kind).length);
    const { rows } = await everything(kind, { filter });
    expect(idsOf(rows)).toEqual(idsOf(expected));
    expect((await page({ kind, filter })).total).toBe(expected.length);
  });

  it('filters by clock: overdue and at risk are what the badge would show', async () => {
    const now = new Date();
    for (const clock of ['overdue', 'at_risk'] as const) {
      const { rows } = await everything('undispatched', { filter: { clock } });
      expect(rows.length, clock).toBeGreaterThan(0);
      expect(rows.every((r) => clockAt(r.deadline!.startedAt, r.deadline!.dueAt, now).state === clock)).toBe(true);
    }
    const all = (await everything('undispatched')).rows;
    const late = all.filter((r) => clockAt(r.deadline!.startedAt, r.deadline!.dueAt, now).state === 'overdue');
    expect((await page({ kind: 'undispatched', filter: { clock: 'overdue' } })).total).toBe(late.length);
  });

  const contains = (t: QueueTicket, text: string) =>
    [t.fields.description, t.fields.addressDetail, t.fields.callerName].some((f) => f?.includes(text));
  it.each([
    ['one Chinese character', '暖'],
    ['two Chinese characters', '噪音'],
    ['a longer phrase', '楼道灯'],
  ])('searches with %s', async (_, query) => {
    const expected = inList('undispatched').filter((t) => contains(t, query));
    expect(expected.length).toBeGreaterThan(0);
    const { rows } = await everything('undispatched', { query });
    expect(idsOf(rows)).toEqual(idsOf(expected));
    const due = rows.map((r) => r.deadline!.dueAt);
    expect(due).toEqual([...due].sort());
  });

  it('finds a ticket by its phone, and by phone within a filter', async () => {
    const wanted = inList('callback')[7]!;
    const found = await page({ kind: 'callback', query: wanted.fields.callerPhone });
    expect(found.rows.map((r) => r.id)).toEqual([wanted.id]);
    expect(found.total).toBe(1);
    const other = queueDistricts.find((d) => d !== wanted.fields.districtCode)!;
    expect((await page({ kind: 'callback', query: wanted.fields.callerPhone, filter: { districtCode: other } })).rows).toEqual([]);
    expect((await page({ kind: 'undispatched', query: wanted.fields.callerPhone })).rows).toEqual([]);
    expect((await page({ kind: 'callback', query: '，。' })).total).toBe(0);
  });

  it('pages through a list exactly once by cursor while new tickets arrive', async () => {
    const before = new Set(inList('undispatched').map((t) => t.id));
    const seen: string[] = [];
    const added: QueueTicket[] = [];
    let cursor: string | undefined;
    let round = 0;
    do {
      const next = await page({ kind: 'undispatched', limit: 250, ...(cursor ? { cursor } : {}) });
      seen.push(...next.rows.map((r) => r.id));
      cursor = next.nextCursor ?? undefined;
      // New calls between pages, their deadlines anywhere in the list (before and after the cursor).
      added.push(...fillQueues(core.db, 40, { seed: 1000 + round, firstSeq: 1_000_000 + round * 1000 }));
      round++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.has(id)).sort()).toEqual([...before].sort());
    const newcomers = added.filter((t) => t.fate === 'undispatched').map((t) => t.id);
    expect(seen.filter((id) => !before.has(id)).every((id) => newcomers.includes(id))).toBe(true);
    tickets.push(...added);
  });

  it('answers a window by offset in the same order as the cursor pages', async () => {
    const { rows } = await everything('callback', {}, 300);
    const window = await page({ kind: 'callback', offset: 1234, limit: 100 });
    expect(window.rows.map((r) => r.id)).toEqual(rows.slice(1234, 1334).map((r) => r.id));
    const end = await page({ kind: 'callback', offset: rows.length - 3, limit: 100 });
    expect(end.rows.map((r) => r.id)).toEqual(rows.slice(-3).map((r) => r.id));
    expect(end.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out, or a cursor with an offset, and changes nothing', async () => {
    const { nextCursor } = await page({ kind: 'callback' });
    for (const input of [
      { kind: 'callback', cursor: 'not-a-cursor' },
      { kind: 'callback', cursor: btoa('["x"]') },
      { kind: 'callback', cursor: nextCursor, offset: 100 },
      { kind: 'callback', filter: { districtCode: "1'; --" } },
      { kind: 'callback', filter: { clock: 'soon' } },
      { kind: 'callback', limit: 501 },
    ]) {
      const answer = await core.dispatch('tickets.worklist', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});
