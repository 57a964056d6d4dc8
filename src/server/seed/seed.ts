import type { Role, User } from '../../shared/server-api/auth';
import { createUser, findUserForLogin } from '../auth/users';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { defaultReferenceData } from '../reference/reference-data';
import { importReference } from '../reference/reference-admin';
import { currentModel, retrain } from '../classifier/training';
import { demoPassword } from './demo-password';
import { seedDemoTickets, type TicketSeedOptions } from './demo-tickets';

export { demoPassword, seedDemoTickets, type TicketSeedOptions };

export const demoUsers: { username: string; displayName: string; role: Role; unitCode: string | null; extension?: string }[] = [
  { username: 'agent1', displayName: '张敏', role: 'agent', unitCode: null, extension: '8001' },
  { username: 'agent2', displayName: '李强', role: 'agent', unitCode: null, extension: '8002' },
  { username: 'agent3', displayName: '王芳', role: 'agent', unitCode: null, extension: '8003' },
  { username: 'lead1', displayName: '赵磊', role: 'lead', unitCode: null },
  { username: 'admin', displayName: '系统管理员', role: 'admin', unitCode: null },
  { username: 'unit.jinsong', displayName: '劲松街道办事处', role: 'unit', unitCode: 'street:110105017' },
  { username: 'unit.heating', displayName: '北京市热力集团', role: 'unit', unitCode: 'company:heating' },
  { username: 'unit.chaoyang', displayName: '朝阳区人民政府', role: 'unit', unitCode: 'district:110105' },
];

/**
 * The built-in Beijing catalogue, loaded through the same checked import an administrator's CSV
 * goes through (every item's first version in its history, written by the system). Returns how
 * many items it created or changed.
 */
export async function seedReference(db: Database): Promise<number> {
  const rows = defaultReferenceData().map((entry, i) => ({ line: i + 1, entry }));
  const result = await importReference(db, rows, 'system', true);
  return result.created + result.changed;
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

export async function seedDemo(db: Database, options: TicketSeedOptions & { model?: 'train' | 'skip' }) {
  const reference = await seedReference(db);
  const users = await seedDemoUsers(db);
  const tickets = await seedDemoTickets(db, users, options);
  // The demo centre learns its categories from its own history, so suggestions show from the first call.
  const train = options.model !== 'skip' && (tickets > 0 || !(await currentModel(db)));
  const model = train ? await trainDemoModel(db) : null;
  return { reference, users: users.size, tickets, model };
}

async function trainDemoModel(db: Database) {
  const [history] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets WHERE category IS NOT NULL`);
  if (history!.n < 10) return null;
  // A demo needs no wide search: one cost, calibrated on a sample, keeps the first start short.
  const { model, seconds } = await retrain(db, { force: true, costs: [1], tuneSample: 1500 });
  return {
    examples: model.examples,
    categories: model.classes.length,
    top1: model.evaluation.top1,
    seconds: Math.round(seconds * 10) / 10,
  };
}
