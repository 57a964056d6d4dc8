import divisions from '../../resources/reference/beijing-divisions.json';
import { v7 } from 'uuid';
import { formatProvisionalNumber } from '../../src/shared/domain/provisional-number';
import { requestTypes, type TicketEvent, type TicketFields } from '../../src/shared/domain/ticket';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import { categoriesWithText, describeProblem } from '../../tests/support/templated-text';
import type { Random } from '../../src/server/seed/random';

/**
 * A centre's history, generated deterministically: tickets from callers of whom a third call
 * again (skewed: some call dozens of times), across Beijing's streets, with the demo centre's
 * Chinese descriptions. Each ticket is a `created` and a `numbered` event, as a bootstrap brings them.
 * The same seed gives the same rows, ids included, so one run can load them twice (ours and raw).
 */
export interface SyntheticCentre {
  phones: string[];
  /** One ticket's events at a time, in sequence order. */
  tickets(): Generator<SequencedEvent[]>;
}

/** The workstation the centre's history was typed on (not the bench's own). */
const centreWorkstation = 'CTR2';
const streets = divisions.streets as { code: string; name: string }[];

const randomPhone = (random: Random) => `1${random.pick(['3', '5', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
const idMaker = (random: Random) => (msecs: number) => v7({ msecs, random: Uint8Array.from({ length: 16 }, () => random.int(0, 255)) });

/** What an agent types for one call: a caller, a street, a category and a Chinese description. */
function ticketFields(random: Random, phone: string): TicketFields {
  const street = random.pick(streets);
  const category = random.pick(categoriesWithText);
  return {
    requestType: random.pick(requestTypes),
    urgency: random.chance(0.05) ? 'urgent' : 'normal',
    callerPhone: phone,
    districtCode: street.code.slice(0, 6),
    streetCode: street.code,
    category,
    addressDetail: `${street.name}${random.int(1, 30)}号楼`,
    description: describeProblem(random, category, street.name),
    channel: 'phone',
  };
}

export function syntheticCentre(random: Random, count: number, start = new Date('2026-10-30T00:00:00+08:00')): SyntheticCentre {
  const phones = Array.from({ length: Math.max(1, Math.round(count * 0.35)) }, () => randomPhone(random));
  const spanMs = 30 * 86_400_000;
  const idAt = idMaker(random);
  return {
    phones,
    *tickets() {
      let seq = 0;
      for (let i = 0; i < count; i++) {
        // Skewed towards the first numbers: repeat callers.
        const fields = ticketFields(random, phones[Math.floor(phones.length * random.next() ** 2)]!);
        const msecs = start.getTime() + Math.floor((spanMs * i) / count);
        const at = new Date(msecs).toISOString();
        const ticketId = idAt(msecs);
        const provisionalNo = formatProvisionalNumber(centreWorkstation, i + 1);
        seq += 2;
        const created: TicketEvent = {
          id: idAt(msecs),
          ticketId,
          type: 'created',
          at,
          actor: 'agent1',
          origin: centreWorkstation,
          payload: { provisionalNo, fields },
        };
        const numbered: TicketEvent = {
          id: idAt(msecs),
          ticketId,
          type: 'numbered',
          at,
          actor: 'server',
          origin: 'server',
          payload: { officialNo: `2026${String(i + 1).padStart(9, '0')}` },
        };
        yield [
          { seq: seq - 1, event: created },
          { seq, event: numbered },
        ];
      }
    },
  };
}

/** Tickets one workstation registered while the server was unreachable: `created` events waiting in its outbox. */
export function offlineTickets(random: Random, workstationCode: string, actor: string, count: number, at: Date): TicketEvent[] {
  const idAt = idMaker(random);
  return Array.from({ length: count }, (_, i) => {
    const msecs = at.getTime() + i * 1000;
    return {
      id: idAt(msecs),
      ticketId: idAt(msecs),
      type: 'created',
      at: new Date(msecs).toISOString(),
      actor,
      origin: workstationCode,
      payload: { provisionalNo: formatProvisionalNumber(workstationCode, i + 1), fields: ticketFields(random, randomPhone(random)) },
    };
  });
}

/** The peer measure's tickets: made offline on workstation PEER by agent2, the same for a seed. */
export const peerTickets = (random: Random, count: number): TicketEvent[] =>
  offlineTickets(random, 'PEER', 'agent2', count, new Date('2026-11-28T09:00:00+08:00'));
