import { v7 } from 'uuid';
import { formatProvisionalNumber } from '../../shared/domain/provisional-number';
import { resolveRoute } from '../../shared/domain/routing';
import { entriesOf } from '../../shared/domain/reference';
import type { RequestType, TicketEvent } from '../../shared/domain/ticket';
import type { Role, User } from '../../shared/server-api/auth';
import { createUser, findUserForLogin } from '../auth/users';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { pushEvents } from '../events/push';
import { defaultReferenceData } from '../reference/reference-data';
import { upsertReference } from '../reference/reference-store';
import { currentModel, retrain } from '../classifier/training';
import { demoPassword } from './demo-password';
import { categoriesWithText, describeProblem } from './demo-text';
import { seededRandom } from './random';

export { demoPassword };

export const demoUsers: { username: string; displayName: string; role: Role; unitCode: string | null; extension?: string }[] = [
  { username: 'agent1', displayName: '张敏', role: 'agent', unitCode: null, extension: '8001' },
  { username: 'agent2', displayName: '李强', role: 'agent', unitCode: null, extension: '8002' },
  { username: 'agent3', displayName: '王芳', role: 'agent', unitCode: null, extension: '8003' },
  { username: 'lead1', displayName: '赵磊（班长）', role: 'lead', unitCode: null },
  { username: 'admin', displayName: '系统管理员', role: 'admin', unitCode: null },
  { username: 'unit.jinsong', displayName: '劲松街道办事处', role: 'unit', unitCode: 'street:110105017' },
  { username: 'unit.heating', displayName: '北京市热力集团', role: 'unit', unitCode: 'company:heating' },
  { username: 'unit.chaoyang', displayName: '朝阳区人民政府', role: 'unit', unitCode: 'district:110105' },
];

export async function seedReference(db: Database): Promise<number> {
  return upsertReference(db, defaultReferenceData());
}

/** Creates the demo users that do not exist yet; returns all of them. */
export async function seedDemoUsers(db: Database): Promise<Map<string, User>> {
  const users = await Promise.all(
    demoUsers.map(async ({ extension, ...demo }) => {
      const user = (await findUserForLogin(db, demo.username))?.user ?? (await createUser(db, { ...demo, password: demoPassword }));
      // The phone switch reports who answered by extension (8001 → agent1).
      if (extension) await db.query(sql`UPDATE users SET extension = ${extension} WHERE id = ${user.id} AND extension IS NULL`);
      return user;
    }),
  );
  return new Map(users.map((u) => [u.username, u]));
}

export interface TicketSeedOptions {
  count: number;
  seed?: number;
  days?: number;
  now?: Date;
  timeZone: string;
}

/** Each demo agent's own workstation, for provisional numbers. */
const demoWorkstationCodes = ['DEM2', 'DEM3', 'DEM4', 'DEM5'];

const feedbackSummaries = [
  '已派人现场核查并处理完毕，已与市民沟通。',
  '经核实，问题已整改，后续将加强巡查。',
  '已协调相关物业公司处理，问题已解决。',
  '已维修完毕，恢复正常。',
  '已向市民解释相关政策，市民表示理解。',
];
const places = ['小区', '社区', '家园', '东里', '西里', '北里', '南路', '大街', '花园'];
const requestTypeWeights: [RequestType, number][] = [
  ['consultation', 0.35],
  ['help', 0.25],
  ['complaint', 0.3],
  ['report', 0.05],
  ['suggestion', 0.05],
];

/**
 * History for the demo: `count` tickets over the last `days`, through the real push path (so each
 * is validated, folded and numbered), from a caller pool where some citizens call again and again.
 * Does nothing if the centre already has tickets.
 */
export async function seedDemoTickets(db: Database, users: Map<string, User>, options: TicketSeedOptions): Promise<number> {
  const [existing] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets`);
  if (existing!.n > 0) return 0;
  const random = seededRandom(options.seed ?? 12345);
  const now = (options.now ?? new Date()).getTime();
  const days = options.days ?? 60;
  const reference = defaultReferenceData();
  const streets = entriesOf(reference, 'street');
  const leaves = entriesOf(reference, 'category').filter((c) => c.body.parent !== null);
  const routes = new Map(entriesOf(reference, 'routingRule').map((r) => [r.body.category, r.body.target]));
  const agents = [...users.values()].filter((u) => u.role === 'agent');

  const phone = () => (random.chance(0.8) ? `13${random.int(100000000, 999999999)}` : `010-${random.int(60000000, 89999999)}`);
  const frequentCallers = Array.from({ length: 40 }, phone);
  const sequences = new Map<string, number>();

  const byAgent = new Map<string, TicketEvent[]>();
  const unitEvents: TicketEvent[] = [];
  const callbacks: TicketEvent[] = [];
  const starts = Array.from({ length: options.count }, () => now - random.next() * days * 86_400_000).sort((a, b) => a - b);
  for (const start of starts) {
    const agent = random.pick(agents);
    const code = demoWorkstationCodes[agents.indexOf(agent) % demoWorkstationCodes.length]!;
    const street = random.pick(streets);
    const category = random.chance(0.85) ? random.pick(categoriesWithText) : random.pick(leaves).code;
    const leaf = leaves.find((l) => l.code === category)!;
    const roll = random.next();
    let acc = 0;
    const requestType = requestTypeWeights.find(([, w]) => (acc += w) >= roll)?.[0] ?? 'complaint';
    const place = `${street.body.zh.replace(/(街道|地区|镇|乡)$/, '')}${random.pick(places)}`;
    const sequence = (sequences.get(code) ?? 0) + 1;
    sequences.set(code, sequence);
    const ticketId = v7();
    const at = (offsetMinutes: number) => new Date(start + offsetMinutes * 60_000).toISOString();
    const base = { ticketId, actor: agent.username, origin: code };
    const events: TicketEvent[] = [
      {
        ...base,
        id: v7(),
        type: 'created',
        at: at(0),
        payload: {
          provisionalNo: formatProvisionalNumber(code, sequence),
          fields: {
            requestType,
            category,
            urgency: leaf.body.sla === 'emergency' ? 'emergency' : leaf.body.sla === 'utility' ? 'urgent' : 'normal',
            callerPhone: random.chance(0.25) ? random.pick(frequentCallers) : phone(),
            districtCode: street.body.districtCode,
            streetCode: street.code,
            addressDetail: `${place}${random.int(1, 30)}号楼`,
            description: describeProblem(random, category, place),
            channel: 'phone',
          },
        },
      },
    ];
    if (requestType === 'consultation' && random.chance(0.8)) {
      events.push({ ...base, id: v7(), type: 'closed', at: at(random.int(2, 6)), payload: { resolution: 'direct_answer' } });
    } else {
      const route = resolveRoute(routes.get(category) ?? 'district', { districtCode: street.body.districtCode, streetCode: street.code });
      if (route.ok) {
        let minute = random.int(10, 90);
        events.push({
          ...base,
          id: v7(),
          type: 'dispatched',
          at: at(minute),
          payload: { unitCodes: [route.unitCode], leadUnitCode: route.unitCode },
        });
        // The unit's side, as far as it has got by now: accepted, reported back; then the callback.
        const unit = { ticketId, actor: `unit:${route.unitCode}`, origin: 'unit' };
        const happened = (m: number) => start + m * 60_000 < now;
        minute += random.int(10, 180);
        if (happened(minute) && random.chance(0.92)) {
          unitEvents.push({ ...unit, id: v7(), type: 'unit_accepted', at: at(minute), payload: { unitCode: route.unitCode } });
          minute += random.int(2, 6 * 24) * 60;
          if (happened(minute) && random.chance(0.8)) {
            unitEvents.push({
              ...unit,
              id: v7(),
              type: 'unit_feedback',
              at: at(minute),
              payload: { unitCode: route.unitCode, summary: random.pick(feedbackSummaries) },
            });
            minute += random.int(1, 30) * 60;
            if (happened(minute) && random.chance(0.85)) {
              const roll = random.next();
              const satisfaction = roll < 0.7 ? 'satisfied' : roll < 0.9 ? 'basically_satisfied' : 'unsatisfied';
              callbacks.push({ ...base, id: v7(), type: 'callback_recorded', at: at(minute), payload: { satisfaction } });
            }
          }
        }
      }
    }
    byAgent.set(agent.username, [...(byAgent.get(agent.username) ?? []), ...events]);
  }

  const acceptedAt = (event: TicketEvent) => new Date(Date.parse(event.at) + 60_000);
  const push = async (events: TicketEvent[], user: User | 'system') => {
    for (let i = 0; i < events.length; i += 200) {
      const { results } = await pushEvents(db, events.slice(i, i + 200), { user, replay: true, timeZone: options.timeZone, acceptedAt });
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) throw new Error(`demo seed: ${rejected.length} events rejected, first: ${JSON.stringify(rejected[0])}`);
    }
  };
  // Intake and dispatch by the agents, then the units' side (the server's own simulated units),
  // then the agents' callbacks: each step finds the ticket where the one before left it.
  for (const [username, events] of byAgent) await push(events, users.get(username)!);
  await push(unitEvents, 'system');
  for (const username of new Set(callbacks.map((e) => e.actor)))
    await push(
      callbacks.filter((e) => e.actor === username),
      users.get(username)!,
    );
  return options.count;
}

export async function seedDemo(db: Database, options: TicketSeedOptions) {
  const reference = await seedReference(db);
  const users = await seedDemoUsers(db);
  const tickets = await seedDemoTickets(db, users, options);
  // The demo centre learns its categories from its own history, so suggestions show from the first call.
  const model = tickets > 0 || !(await currentModel(db)) ? await trainDemoModel(db) : null;
  return { reference, users: users.size, tickets, model };
}

async function trainDemoModel(db: Database) {
  const [history] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets WHERE category IS NOT NULL`);
  if (history!.n < 10) return null;
  // A demo's templated text needs no wide search: one cost, calibrated on a sample, keeps the first start short.
  const { model, seconds } = await retrain(db, { force: true, costs: [1], tuneSample: 1500 });
  return {
    examples: model.examples,
    categories: model.classes.length,
    top1: model.evaluation.top1,
    seconds: Math.round(seconds * 10) / 10,
  };
}
