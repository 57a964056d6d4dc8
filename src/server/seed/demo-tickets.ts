import { v7 } from 'uuid';
import { entriesOf } from '../../shared/domain/reference';
import { resolveRoute } from '../../shared/domain/routing';
import type { RequestType, TicketEvent, TicketFields } from '../../shared/domain/ticket';
import type { User } from '../../shared/server-api/auth';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { type EventDraft, pushEvents } from '../events/push';
import { defaultReferenceData } from '../reference/reference-data';
import { type Caller, demoCallers, typedPhone } from './demo-callers';
import { type Centre, closedFates, fateWeights, followUpStep, numberCalls, type SeedStep, ticketSteps } from './demo-lifecycle';
import { describeProblem } from './demo-text';
import { type Random, seededRandom } from './random';

export interface TicketSeedOptions {
  count: number;
  seed?: number;
  days?: number;
  now?: Date;
  timeZone: string;
  /** The share of the tickets already closed: less history, the same open work (the E2E run). A real centre's mix by default. */
  closedShare?: number;
}

/** Three shifts of a 24-hour centre, in its local time: who is at the desk, from which workstation. */
const shifts = [
  { from: 0, username: 'agent3', origin: 'DEM4' },
  { from: 8, username: 'agent1', origin: 'DEM2' },
  { from: 16, username: 'agent2', origin: 'DEM3' },
];
const lead = { username: 'lead1', origin: 'DEM5' };
/** Calls by hour of the day: quiet at night, a peak in the morning and after lunch. */
const callsByHour = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 7, 10, 10, 9, 7, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1.5];
/** Winter in Beijing: heating leads, then estates, noise, wages and the city's streets. */
const groupWeights: Record<string, number> = {
  heating: 12,
  property: 10,
  noise: 9,
  labor: 8,
  urban: 7,
  housing: 6,
  traffic: 6,
  consumer: 6,
  parking: 5,
  water: 5,
  sanitation: 5,
  education: 4,
  health: 4,
  civil: 4,
  power: 3,
  environment: 3,
  safety: 3,
  gas: 2,
  greening: 2,
  telecom: 2,
};
const requestTypeWeights: [RequestType, number][] = [
  ['consultation', 0.1],
  ['help', 0.3],
  ['complaint', 0.45],
  ['report', 0.08],
  ['suggestion', 0.07],
];
const wants = ['要求尽快处理。', '希望相关部门上门核实。', '要求给予答复。', '希望退还费用。', '要求限期整改。', '希望加强管理。'];

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [item, w] of items) if ((roll -= w) < 0) return item;
  return items[items.length - 1]![0];
}

function localHour(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  return (at: number) => Number(format.format(at));
}

/** The demo units that have a sign-in act under its name; the others as the unit simulator names them. */
const unitActor = (users: Map<string, User>) => {
  const byUnit = new Map([...users.values()].filter((u) => u.unitCode).map((u) => [u.unitCode!, u.username]));
  return (code: string) => byUnit.get(code) ?? `unit:${code}`;
};

/**
 * A real centre's last `days`: `count` tickets, about half of them still open (registered,
 * dispatched, with the unit, returned, waiting for the callback) and the rest closed, from callers
 * of whom most rang once and a few rang up to thirty times. Pushed through the real push path, each
 * ticket's events in time order. Does nothing if the centre already has tickets.
 */
export async function seedDemoTickets(db: Database, users: Map<string, User>, options: TicketSeedOptions): Promise<number> {
  const [existing] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets`);
  if (existing!.n > 0) return 0;
  const random = seededRandom(options.seed ?? 12345);
  const now = (options.now ?? new Date()).getTime();
  const days = options.days ?? 60;
  const reference = defaultReferenceData();
  const streets = entriesOf(reference, 'street');
  const districts = new Map(entriesOf(reference, 'district').map((d) => [d.code, d.body.zh]));
  const leaves = entriesOf(reference, 'category').filter((c) => c.body.parent !== null);
  const leafOf = new Map(leaves.map((l) => [l.code, l]));
  // The seed places its clocks in elapsed time (the default policies are elapsed-time ones).
  const policies = new Map(
    entriesOf(reference, 'slaPolicy').map((p) => [
      p.code,
      { dispatchMinutes: p.body.dispatchMinutes, feedbackMinutes: p.body.feedbackMinutes },
    ]),
  );
  const routes = new Map(entriesOf(reference, 'routingRule').map((r) => [r.body.category, r.body.target]));
  const articles = entriesOf(reference, 'article');
  const actorOf = unitActor(users);
  const hourOf = localHour(options.timeZone);
  const leafWeights = leaves.map(
    (l) => [l.code, (groupWeights[l.body.parent!] ?? 1) / leaves.filter((o) => o.body.parent === l.body.parent).length] as const,
  );

  const onShift = (at: number) => [...shifts].reverse().find((s) => hourOf(at) >= s.from)!;
  const callTime = (latest: number, earliest = now - days * 86_400_000) => {
    // A story longer than the history began before it.
    if (latest <= earliest) return latest;
    for (;;) {
      const at = earliest + random.next() * (latest - earliest);
      if (random.next() * 10 < callsByHour[hourOf(at)]!) return at;
    }
  };
  const centre: Centre = { random, now, days, onShift, lead, callTime };

  const weights = fateWeights(options.closedShare);
  const calls = demoCallers(random, options.count, streets, () => weighted(random, leafWeights));
  const byCaller = new Map<Caller, { ticketId: string; steps: SeedStep[]; fields: TicketFields }[]>();
  const tickets: SeedStep[][] = [];
  // Merged duplicates are told last, once the ticket they repeat has its time.
  const order = calls
    .map((caller) => ({ caller, fate: weighted(random, weights) }))
    .sort((a, b) => Number(a.fate === 'merged') - Number(b.fate === 'merged'));
  for (const { caller, fate: planned } of order) {
    const earlier = byCaller.get(caller) ?? [];
    let fate = planned;
    const original = fate === 'merged' ? earlier.find((t) => Date.parse(t.steps[0]!.event.at) < now - 3_600_000) : undefined;
    if (fate === 'merged' && !original) fate = 'withdrawn';
    const article = fate === 'answered' && random.chance(0.4) ? random.pick(articles) : undefined;
    const category =
      original?.fields.category ??
      article?.body.category ??
      (random.chance(caller.tickets > 1 ? 0.6 : 0) ? caller.concern : weighted(random, leafWeights));
    const leaf = leafOf.get(category)!;
    const street = random.chance(0.85) ? caller.street : random.pick(streets);
    const districtCode = street.body.districtCode;
    const route = resolveRoute(routes.get(category) ?? 'district', { districtCode, streetCode: street.code });
    if (!route.ok && !closedFates.includes(fate)) fate = 'registered';
    const urgency = leaf.body.sla === 'emergency' ? 'emergency' : leaf.body.sla === 'utility' || random.chance(0.05) ? 'urgent' : 'normal';
    const fields: TicketFields = {
      requestType: fate === 'answered' ? 'consultation' : weighted(random, requestTypeWeights),
      category,
      urgency,
      ...(caller.name ? { callerName: caller.name } : {}),
      callerPhone: typedPhone(random, caller.number),
      districtCode,
      streetCode: street.code,
      addressDetail: street === caller.street ? caller.address : `${street.body.zh.replace(/(街道|地区|镇|乡)$/, '')}附近`,
      description: original?.fields.description ?? describeProblem(random, category, districts.get(districtCode) ?? '本区'),
      ...(random.chance(0.4) ? { callerWants: random.pick(wants) } : {}),
      channel: 'phone',
    };
    const created = (fate === 'merged' ? original!.steps[0]! : null)?.event.at;
    const ticketId = v7();
    const steps = ticketSteps(created ? { ...centre, callTime: (latest) => callTime(latest, Date.parse(created) + 3_600_000) } : centre, {
      ticketId,
      fate,
      fields,
      policy: policies.get(urgency === 'emergency' ? 'emergency' : (leaf.body.sla ?? 'general'))!,
      unit: route.ok ? { code: route.unitCode, actor: actorOf(route.unitCode) } : null,
      articleCode: article?.code,
      duplicateOf: original?.ticketId,
    });
    // The caller rang again about an earlier ticket of theirs that was still open: a follow-up on it.
    const chased = earlier.length > 0 && random.chance(0.3) ? random.pick(earlier) : undefined;
    if (chased) followUpStep(centre, chased.steps, Date.parse(steps[0]!.event.at), typedPhone(random, caller.number));
    byCaller.set(caller, [...earlier, { ticketId, steps, fields }]);
    tickets.push(steps);
  }
  numberCalls(tickets);
  await pushInWaves(db, users, tickets, options.timeZone);
  return options.count;
}

/**
 * Pushes every ticket's k-th event in wave k, so each ticket's events are stored in their time
 * order. The first wave (the calls) goes in time order, so official numbers follow the calls;
 * within a later wave, each pusher's events go together, in time order.
 */
async function pushInWaves(db: Database, users: Map<string, User>, tickets: SeedStep[][], timeZone: string) {
  const acceptedAt = (event: TicketEvent) => new Date(Date.parse(event.at) + 60_000);
  const push = async (events: EventDraft[], by: string) => {
    const user = by === 'system' ? 'system' : users.get(by)!;
    for (let i = 0; i < events.length; i += 500) {
      const { results } = await pushEvents(db, events.slice(i, i + 500), { user, replay: true, timeZone, acceptedAt });
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) throw new Error(`demo seed: ${rejected.length} events rejected, first: ${JSON.stringify(rejected[0])}`);
    }
  };
  const waves = Math.max(...tickets.map((t) => t.length));
  for (let wave = 0; wave < waves; wave++) {
    const steps = tickets.flatMap((t) => t.slice(wave, wave + 1)).sort((a, b) => a.event.at.localeCompare(b.event.at));
    if (wave === 0) {
      for (let i = 0; i < steps.length;) {
        let j = i;
        while (j < steps.length && steps[j]!.by === steps[i]!.by) j++;
        await push(
          steps.slice(i, j).map((s) => s.event),
          steps[i]!.by,
        );
        i = j;
      }
      continue;
    }
    for (const by of new Set(steps.map((s) => s.by)))
      await push(
        steps.filter((s) => s.by === by).map((s) => s.event),
        by,
      );
  }
}
