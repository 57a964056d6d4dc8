import { describe, expect, it } from 'vitest';
import messages from '../../resources/demo/citizen-messages.json';
import { phoneKey } from '../../src/shared/domain/phone';
import { slaClock, slaClassOf } from '../../src/shared/domain/sla';
import { ticketSchema } from '../../src/shared/domain/ticket';
import { slaPolicies } from '../../src/server/reference/catalogue/sla';
import { categoryGroups } from '../../src/server/reference/catalogue/categories';
import { labelOf, localise } from '../../src/server/seed/demo-text';
import { seedDemoTickets, seedDemoUsers } from '../../src/server/seed/seed';
import { engines, freshDatabase } from './test-server';

const now = new Date('2026-12-01T06:30:00.000Z');
const count = 1200;
const slaOf = new Map(categoryGroups.flatMap((g) => g.leaves.map(([code, , , sla]) => [code, sla] as const)));

describe.each(engines)('the demo centre on %s', (engine) => {
  it('holds a real day: open tickets in every status, most in time and some overdue, repeat callers, real messages, events in time order', async () => {
    const { db } = await freshDatabase(engine);
    try {
      const users = await seedDemoUsers(db);
      expect(await seedDemoTickets(db, users, { count, now, timeZone: 'Asia/Shanghai' })).toBe(count);
      const tickets = (await db.query<{ state: unknown }>(`SELECT state FROM tickets`)).map((r) => ticketSchema.parse(r.state));
      expect(tickets).toHaveLength(count);

      const share = (status: string) => tickets.filter((t) => t.status === status).length / count;
      expect(share('closed')).toBeGreaterThan(0.45);
      expect(share('closed')).toBeLessThan(0.6);
      expect(share('feedback')).toBeGreaterThan(0.08);
      for (const status of ['registered', 'dispatched', 'accepted', 'in_progress', 'returned']) expect(share(status)).toBeGreaterThan(0.02);
      expect(tickets.filter((t) => t.extensionRequest).length).toBeGreaterThan(10);
      expect(tickets.filter((t) => t.resolution === 'direct_answer' && t.articleCode).length).toBeGreaterThan(10);
      expect(tickets.filter((t) => t.resolution === 'merged' && t.mergedInto).length).toBeGreaterThan(5);
      expect(tickets.filter((t) => t.followUps.length > 0).length).toBeGreaterThan(10);
      const satisfactions = new Set(tickets.map((t) => t.satisfaction));
      expect([...satisfactions].sort()).toEqual(['basically_satisfied', 'satisfied', 'unsatisfied', null].sort());

      // Running clocks: most in time, some in their last quarter, some overdue.
      const states = tickets.flatMap((t) => {
        const sla = slaClassOf(t, slaOf.get(t.fields.category!));
        const clock = slaClock(t, slaPolicies[sla], now);
        return clock ? [clock.state] : [];
      });
      const stateShare = (s: string) => states.filter((x) => x === s).length / states.length;
      expect(states.length).toBeGreaterThan(count * 0.3);
      expect(stateShare('on_time')).toBeGreaterThan(0.6);
      expect(stateShare('at_risk')).toBeGreaterThan(0.05);
      expect(stateShare('overdue')).toBeGreaterThan(0.03);
      expect(stateShare('overdue')).toBeLessThan(0.25);

      // Callers: most once, a tail of 2–5, a few with 20–30; numbers in the formats agents type.
      const perCaller = new Map<string, number>();
      for (const t of tickets) perCaller.set(phoneKey(t.fields.callerPhone)!, (perCaller.get(phoneKey(t.fields.callerPhone)!) ?? 0) + 1);
      const callers = [...perCaller.values()];
      expect(callers.filter((n) => n === 1).length / callers.length).toBeGreaterThan(0.7);
      expect(callers.filter((n) => n >= 2 && n <= 5).length).toBeGreaterThan(count / 40);
      expect(callers.filter((n) => n >= 20 && n <= 30).length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...callers)).toBeLessThanOrEqual(30);
      const phones = tickets.map((t) => t.fields.callerPhone!);
      for (const format of [/^1\d{10}$/, /^1\d\d \d{4} \d{4}$/, /^\+86 /, /^010-\d{8}$/, /^\d{8}$/]) {
        expect(phones.some((p) => format.test(p))).toBe(true);
      }

      // Each description is a real message of the label the ticket's category belongs to.
      for (const t of tickets.slice(0, 200)) {
        const district = (
          await db.query<{ zh: string }>(`SELECT body ->> 'zh' AS zh FROM reference_items WHERE kind = 'district' AND code = $1`, [
            t.fields.districtCode,
          ])
        )[0]!.zh;
        const label = labelOf(t.fields.category!);
        const pool: string[] = messages.labels[label as keyof typeof messages.labels];
        expect(pool.map((m) => localise(m, district))).toContain(t.fields.description);
      }

      // Events: before now, and each ticket's in time order by sequence; units act under their names.
      const events = await db.query<{ ticket_id: string; at: Date | string; actor: string; type: string }>(
        `SELECT ticket_id, at, actor, type FROM events ORDER BY seq`,
      );
      const last = new Map<string, number>();
      for (const e of events) {
        const at = new Date(e.at).getTime();
        expect(at).toBeLessThanOrEqual(now.getTime());
        expect(at).toBeGreaterThanOrEqual(last.get(e.ticket_id) ?? 0);
        last.set(e.ticket_id, at);
      }
      const unitActors = new Set(events.filter((e) => e.type.startsWith('unit_')).map((e) => e.actor));
      expect([...unitActors].every((a) => /^unit[.:]/.test(a))).toBe(true);
      expect(new Set(events.filter((e) => e.type === 'created').map((e) => e.actor))).toEqual(new Set(['agent1', 'agent2', 'agent3']));
    } finally {
      await db.close();
    }
  }, 240_000);
});
