import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv';
import type { RateRow } from '../server-api/monitor';
import { rateRows, ratesCsv } from './rate-rows';
import { judgeTicket, type Judgement, type RateEvent, type RateTicket } from './rates';

// Hours after Monday 2 November 2026, 00:00 UTC.
const h = (hours: number) => new Date(Date.UTC(2026, 10, 2) + hours * 3_600_000).toISOString();
const at = (hours: number) => Date.parse(h(hours));
const A = 'street:110105017';
const B = 'company:heating';
// Dispatch within 1 h, report back within 24 h.
const limits = { dispatchMinutes: 60, feedbackMinutes: 24 * 60 };

const ticket = (
  id: string,
  districtCode: string | null,
  events: [number, RateEvent['type'], Record<string, unknown>?][],
  policy = limits,
) => ({
  id,
  districtCode,
  limits: policy,
  events: events.map(([hours, type, extra]) => ({ at: h(hours), type, ...extra }) as RateEvent),
});

/**
 * The centre by hand. Each line: hour, event, details. What each ticket contributes:
 * T1 dispatched in time; A accepts, reports back in time, citizen satisfied.
 * T2 dispatched late (limit h1); A accepts, reports back late (limit h27), citizen unsatisfied →
 *    A again from h31 (limit h55): accepts, reports back in time, basically satisfied.
 * T3 B returns it (a response; no feedback due), re-dispatched in time (limit h2) to A, who never
 *    answers: at its limit h25.5 neither response nor feedback is met.
 * T4 a direct answer: nothing to judge.
 * T5 dispatched to B, reassigned to A before B answered (B not judged); A gets 24 h more, reports
 *    back at h40 within its limit h48.75; closed as resolved without a callback.
 * T6 no known policy and no district: only its callback is judged.
 * T7 week 2, never dispatched: late at h171.  T8 week 2, dispatched in time; A's limit h192.5 is
 *    still ahead at "now" (h190), so its round is not judged yet.
 */
const centre: RateTicket[] = [
  ticket('T1', '110105', [
    [0, 'created'],
    [0.5, 'dispatched', { leadUnit: A }],
    [2, 'unit_accepted'],
    [10, 'unit_feedback'],
    [12, 'callback_recorded', { satisfaction: 'satisfied' }],
  ]),
  ticket('T2', '110105', [
    [0, 'created'],
    [3, 'dispatched', { leadUnit: A }],
    [4, 'unit_accepted'],
    [30, 'unit_feedback'],
    [31, 'callback_recorded', { satisfaction: 'unsatisfied' }],
    [32, 'unit_accepted'],
    [40, 'unit_feedback'],
    [41, 'callback_recorded', { satisfaction: 'basically_satisfied' }],
  ]),
  ticket('T3', '110108', [
    [0, 'created'],
    [0.25, 'dispatched', { leadUnit: B }],
    [1, 'unit_returned'],
    [1.5, 'dispatched', { leadUnit: A }],
  ]),
  ticket('T4', '110108', [
    [0, 'created'],
    [0.1, 'closed', { resolution: 'direct_answer' }],
  ]),
  ticket('T5', '110108', [
    [0, 'created'],
    [0.5, 'dispatched', { leadUnit: B }],
    [0.75, 'dispatched', { leadUnit: A }],
    [1, 'unit_accepted'],
    [5, 'extension_requested', { hours: 24 }],
    [6, 'extension_decided', { approved: true }],
    [40, 'unit_feedback'],
    [45, 'closed', { resolution: 'resolved' }],
  ]),
  {
    ...ticket('T6', null, [
      [0, 'created'],
      [50, 'dispatched', { leadUnit: B }],
      [51, 'unit_accepted'],
      [60, 'unit_feedback'],
      [61, 'callback_recorded', { satisfaction: 'satisfied' }],
    ]),
    limits: null,
  },
  ticket('T7', '110105', [[170, 'created']]),
  ticket('T8', '110108', [
    [168, 'created'],
    [168.5, 'dispatched', { leadUnit: B }],
  ]),
];
const now = at(190);
const judged: Judgement[] = centre.flatMap((t) => judgeTicket(t, now));
const week1 = [at(0), at(168)] as const;
const week2 = [at(168), at(336)] as const;

/** A row as "met/of" per rate, "—" where nothing was judged: the way the table was worked out. */
const brief = (row: RateRow | undefined) =>
  row && {
    response: `${row.response.met}/${row.response.of}`,
    onTimeFeedback: `${row.onTimeFeedback.met}/${row.onTimeFeedback.of}`,
    resolution: `${row.resolution.met}/${row.resolution.of}`,
    satisfaction: `${row.satisfaction.met}/${row.satisfaction.of}`,
    onTimeDispatch: `${row.onTimeDispatch.met}/${row.onTimeDispatch.of}`,
  };

describe('the rates of a centre worked out by hand', () => {
  it('per unit, week 1: A judged on five rounds, B on one response and T6', () => {
    const { rows } = rateRows(judged, 'unit', ...week1);
    expect(rows.map((r) => r.key)).toEqual([B, A]);
    expect(brief(rows[1])).toEqual({
      response: '4/5',
      onTimeFeedback: '3/5',
      resolution: '3/4',
      satisfaction: '2/3',
      onTimeDispatch: '0/0',
    });
    expect(brief(rows[0])).toEqual({
      response: '1/1',
      onTimeFeedback: '0/0',
      resolution: '1/1',
      satisfaction: '1/1',
      onTimeDispatch: '0/0',
    });
    expect(rows[1]!.response.rate).toBe(0.8);
    expect(rows[1]!.satisfaction.rate).toBeCloseTo(2 / 3, 12);
    // Nothing to divide is no rate at all, not 0 % and not 100 %.
    expect(rows[0]!.onTimeFeedback.rate).toBeNull();
    expect(rows[1]!.onTimeDispatch.rate).toBeNull();
  });

  it('per district, week 1, and the centre as a whole', () => {
    const { rows, total } = rateRows(judged, 'district', ...week1);
    expect(Object.fromEntries(rows.map((r) => [r.key, brief(r)]))).toEqual({
      '110105': { response: '3/3', onTimeFeedback: '2/3', resolution: '2/3', satisfaction: '2/3', onTimeDispatch: '1/2' },
      '110108': { response: '2/3', onTimeFeedback: '1/2', resolution: '1/1', satisfaction: '0/0', onTimeDispatch: '3/3' },
      unknown: { response: '0/0', onTimeFeedback: '0/0', resolution: '1/1', satisfaction: '1/1', onTimeDispatch: '0/0' },
    });
    expect(brief(total)).toEqual({ response: '5/6', onTimeFeedback: '3/5', resolution: '4/5', satisfaction: '3/4', onTimeDispatch: '4/5' });
    expect(total.key).toBe('total');
  });

  it('per period: week 2 holds only what was decided in it, and the undecided round of T8 nowhere', () => {
    expect(rateRows(judged, 'unit', ...week2).rows).toEqual([]);
    const { rows, total } = rateRows(judged, 'district', ...week2);
    expect(Object.fromEntries(rows.map((r) => [r.key, r.onTimeDispatch]))).toEqual({
      '110105': { met: 0, of: 1, rate: 0 },
      '110108': { met: 1, of: 1, rate: 1 },
    });
    expect(brief(total)).toEqual({ response: '0/0', onTimeFeedback: '0/0', resolution: '0/0', satisfaction: '0/0', onTimeDispatch: '1/2' });
    // Two weeks together are the sum of the two.
    expect(brief(rateRows(judged, 'district', week1[0], week2[1]).total)).toEqual({
      response: '5/6',
      onTimeFeedback: '3/5',
      resolution: '4/5',
      satisfaction: '3/4',
      onTimeDispatch: '5/7',
    });
  });

  it('decides a missed limit at the limit, and never changes a decision once made', () => {
    const t3 = judgeTicket(centre[2]!, now).filter((j) => j.unit === A);
    expect(t3.map((j) => [j.rate, j.at, j.met])).toEqual([
      ['response', at(25.5), false],
      ['onTimeFeedback', at(25.5), false],
    ]);
    // Before the limit the round is undecided; a later "now" adds decisions, it never rewrites them.
    expect(judgeTicket(centre[2]!, at(20)).filter((j) => j.unit === A)).toEqual([]);
    const later = judgeTicket(centre[1]!, at(1000));
    expect(later).toEqual(judgeTicket(centre[1]!, now));
  });

  it('exports the same figures as CSV a spreadsheet reads: BOM, names quoted where needed, percent, empty where undefined', () => {
    const { rows, total } = rateRows(judged, 'unit', ...week1);
    const csv = ratesCsv(rows, total, (key) => (key === B ? '北京市热力集团, "供热"' : '劲松街道'));
    expect(csv.startsWith('\ufeffcode,name,response_met,response_of,response_pct,')).toBe(true);
    const parsed = parseCsv(csv).rows;
    expect(parsed[0]).toMatchObject({
      code: B,
      name: '北京市热力集团, "供热"',
      response_pct: '100.0',
      onTimeFeedback_pct: '',
      onTimeFeedback_of: '0',
    });
    expect(parsed[1]).toMatchObject({
      code: A,
      name: '劲松街道',
      response_met: '4',
      response_of: '5',
      response_pct: '80.0',
      satisfaction_pct: '66.7',
    });
    expect(parsed[2]).toMatchObject({ code: 'total', response_pct: '83.3', onTimeDispatch_pct: '80.0' });
  });
});
