import { newId } from '../../src/shared/domain/ids';
import type { TicketEvent, TicketFields, TicketStatus } from '../../src/shared/domain/ticket';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import type { Db } from '../../src/main/store/database';
import { storeNewTicket } from '../../src/main/store/ticket-store';
import { seededRandom } from '../../src/server/seed/random';

/** Where a generated ticket ends up: one of the four work lists, or with a unit / closed (in none). */
export type Fate = 'undispatched' | 'returned' | 'callback' | 'extension' | 'with_unit' | 'closed';

export interface QueueTicket {
  id: string;
  fate: Fate;
  status: TicketStatus;
  fields: TicketFields;
  actors: string[];
  leadUnitCode: string | null;
  createdAt: string;
}

export const queueCategories = ['heating.temperature', 'water.outage', 'road.lights'] as const;
export const queueDistricts = ['110105', '110108', '110101'] as const;
export const queueUnits = ['street:110105017', 'company:heating', 'district:110108'] as const;
const words = ['暖气不热', '楼道灯不亮', '噪音扰民', '停水两天', '路面塌陷', '垃圾没人清', '充电桩坏了'];
const fates: Fate[] = [
  'undispatched',
  'undispatched',
  'undispatched',
  'returned',
  'callback',
  'callback',
  'extension',
  'with_unit',
  'closed',
];

/**
 * A cache full of tickets in every list, deterministic by seed: created over the last two days (so
 * some dispatch clocks are overdue and some at risk), in three categories, districts and units,
 * by two agents, with Chinese descriptions and distinct phones. Stored as a bootstrap stores them.
 */
export function fillQueues(db: Db, count: number, { seed = 19, me = 'agent.test', now = Date.now(), firstSeq = 1 } = {}): QueueTicket[] {
  const random = seededRandom(seed);
  const tickets: QueueTicket[] = [];
  let seq = firstSeq;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const fate = random.pick(fates);
      const created = now - random.int(0, 48 * 3600_000);
      const step = (n: number) => new Date(Math.min(now - 1, created + n * 60_000)).toISOString();
      const district = random.pick(queueDistricts);
      const unit = random.pick(queueUnits);
      const agent = random.chance(0.2) ? me : 'agent2';
      const fields: TicketFields = {
        requestType: 'complaint',
        urgency: 'normal',
        callerName: '市民',
        callerPhone: `1${random.pick(['3', '5', '8'])}${String(i).padStart(9, '0')}`,
        districtCode: district,
        streetCode: `${district}001`,
        category: random.pick(queueCategories),
        addressDetail: `${random.int(1, 30)}号楼`,
        description: `${random.pick(words)}，${random.pick(words)}`,
        channel: 'phone',
      };
      const ticketId = newId();
      const events: TicketEvent[] = [];
      const add = (type: TicketEvent['type'], at: string, actor: string, payload: unknown) =>
        events.push({ id: newId(), ticketId, type, at, actor, origin: 'Q9UE', payload } as TicketEvent);
      const dispatcher = random.chance(0.5) ? agent : 'agent3';
      add('created', step(0), agent, { provisionalNo: `Q9UE-${String(seq).padStart(6, '0')}`, fields });
      if (fate !== 'undispatched') {
        add('dispatched', step(1), dispatcher, { unitCodes: [unit], leadUnitCode: unit });
        if (fate === 'returned') add('unit_returned', step(2), 'unit.x', { unitCode: unit, reason: '不属于本单位' });
        else add('unit_accepted', step(2), 'unit.x', { unitCode: unit });
        if ((fate === 'extension' || fate === 'with_unit') && random.chance(0.5))
          add('unit_progress', step(2), 'unit.x', { unitCode: unit, note: '正在处理' });
        if (fate === 'extension') add('extension_requested', step(2), 'unit.x', { unitCode: unit, hours: 24, reason: '需要协调' });
        if (fate === 'callback' || fate === 'closed') add('unit_feedback', step(3), 'unit.x', { unitCode: unit, summary: '已处理' });
        if (fate === 'closed') add('callback_recorded', step(4), dispatcher, { satisfaction: 'satisfied' });
      }
      const ticket = storeNewTicket(
        db,
        events.map((event): SequencedEvent => ({ seq: seq++, event })),
      );
      if (ticket?.eventCount !== events.length) throw new Error(`a ${fate} ticket did not fold from its ${events.length} events`);
      tickets.push({
        id: ticketId,
        fate,
        status: ticket.status,
        fields,
        actors: [...new Set(events.map((e) => e.actor))],
        leadUnitCode: fate === 'undispatched' || fate === 'returned' ? null : unit,
        createdAt: step(0),
      });
    }
  })();
  return tickets;
}
