import divisions from '../../resources/reference/beijing-divisions.json';
import { newId } from '../../src/shared/domain/ids';
import { requestTypes, type TicketEvent } from '../../src/shared/domain/ticket';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import { categoriesWithText, describeProblem } from '../../src/server/seed/demo-text';
import type { Random } from '../../src/server/seed/random';

/**
 * A centre's history, generated deterministically: tickets from callers of whom a third call
 * again (skewed: some call dozens of times), across Beijing's streets, with the demo centre's
 * Chinese descriptions. Each ticket is a `created` and a `numbered` event, as a bootstrap brings them.
 */
export interface SyntheticCentre {
  phones: string[];
  /** One ticket's events at a time, in sequence order. */
  tickets(): Generator<SequencedEvent[]>;
}

const streets = divisions.streets as { code: string; name: string }[];

export function syntheticCentre(random: Random, count: number, start = new Date('2026-10-30T00:00:00+08:00')): SyntheticCentre {
  const phones = Array.from({ length: Math.max(1, Math.round(count * 0.35)) }, () => `1${random.pick(['3', '5', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`);
  const spanMs = 30 * 86_400_000;
  return {
    phones,
    *tickets() {
      let seq = 0;
      for (let i = 0; i < count; i++) {
        // Skewed towards the first numbers: repeat callers.
        const phone = phones[Math.floor(phones.length * random.next() ** 2)]!;
        const street = random.pick(streets);
        const category = random.pick(categoriesWithText);
        const at = new Date(start.getTime() + (spanMs * i) / count).toISOString();
        const ticketId = newId();
        const provisionalNo = `BNCH-${String(i + 1).padStart(6, '0')}`;
        const fields = {
          requestType: random.pick(requestTypes),
          urgency: random.chance(0.05) ? ('urgent' as const) : ('normal' as const),
          callerPhone: phone,
          districtCode: street.code.slice(0, 6),
          streetCode: street.code,
          category,
          addressDetail: `${street.name}${random.int(1, 30)}号楼`,
          description: describeProblem(random, category, street.name),
          channel: 'phone' as const,
        };
        seq += 2;
        const created: TicketEvent = { id: newId(), ticketId, type: 'created', at, actor: 'agent1', origin: 'BNCH', payload: { provisionalNo, fields } };
        const numbered: TicketEvent = { id: newId(), ticketId, type: 'numbered', at, actor: 'server', origin: 'server', payload: { officialNo: `2026${String(i + 1).padStart(9, '0')}` } };
        yield [
          { seq: seq - 1, event: created },
          { seq, event: numbered },
        ];
      }
    },
  };
}
