import { describe, expect, it } from 'vitest';
import { rateNames } from '../server-api/monitor';
import { rateRows } from './rate-rows';
import { judgeTicket, type RateEvent, rateEventTypes, type RateTicket } from './rates';

/** A small seeded generator (mulberry32), so a failing log can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const units = ['street:1', 'street:2', 'company:3'];

/** Any events in any order, lawful or not: the counting must hold whatever the log says. */
function randomTicket(next: () => number, id: string): RateTicket {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  let at = Date.UTC(2026, 10, 1) + next() * 30 * 86_400_000;
  const events = Array.from({ length: Math.floor(next() * 14) }, (): RateEvent => {
    at += next() * 40 * 3_600_000;
    const base = { at: new Date(at).toISOString() };
    const type = pick(rateEventTypes);
    switch (type) {
      case 'dispatched':
        return { ...base, type, leadUnit: pick(units) };
      case 'extension_requested':
        return { ...base, type, hours: 1 + Math.floor(next() * 72) };
      case 'extension_decided':
        return { ...base, type, approved: next() < 0.5 };
      case 'callback_recorded':
        return { ...base, type, satisfaction: pick(['satisfied', 'basically_satisfied', 'unsatisfied']) };
      case 'closed':
        return { ...base, type, resolution: pick(['direct_answer', 'resolved', 'withdrawn', 'merged']) };
      default:
        return { ...base, type };
    }
  });
  const limits =
    next() < 0.1 ? null : { dispatchMinutes: 30 + Math.floor(next() * 1440), feedbackMinutes: 60 + Math.floor(next() * 10_080) };
  return { id, districtCode: next() < 0.1 ? null : pick(['110105', '110108']), limits, events };
}

describe('no rate exceeds 100 % on any event log', () => {
  it('holds for 300 random centres of 40 tickets, per unit and district, over random periods', () => {
    const broken: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const tickets = Array.from({ length: 40 }, (_, i) => randomTicket(next, `t${i}`));
      const now = Date.UTC(2026, 11, 15);
      const judged = tickets.flatMap((t) => judgeTicket(t, now));
      // A round is judged at most once per rate, so a ticket can never out-count its rounds.
      for (const t of tickets) {
        const rounds = t.events.filter(
          (e) => e.type === 'dispatched' || (e.type === 'callback_recorded' && e.satisfaction === 'unsatisfied'),
        ).length;
        const mine = judged.filter((j) => j.ticketId === t.id);
        if (mine.filter((j) => j.rate === 'response').length > rounds) broken.push(`seed ${seed} ${t.id}: more responses than rounds`);
        if (mine.some((j) => j.at > now)) broken.push(`seed ${seed} ${t.id}: decided after now`);
      }
      const from = Date.UTC(2026, 10, 1) + next() * 20 * 86_400_000;
      const to = from + next() * 40 * 86_400_000;
      for (const by of ['unit', 'district'] as const) {
        const { rows, total } = rateRows(judged, by, from, to);
        for (const row of [...rows, total]) {
          for (const name of rateNames) {
            const { met, of, rate } = row[name];
            const sound = met <= of && (rate === null ? of === 0 : rate >= 0 && rate <= 1 && rate === met / of);
            if (!sound) broken.push(`seed ${seed} ${by} ${row.key} ${name}: ${met}/${of} = ${rate}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
