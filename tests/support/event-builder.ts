import { newId } from '../../src/shared/domain/ids';
import type { TicketEvent, TicketFields } from '../../src/shared/domain/ticket';
import { intakeFields } from './fixtures';

let sequence = 0;

/** Builds valid events as one workstation user would make them. */
export function eventsBy(actor: string, origin = 'T3ST') {
  const at = () => new Date().toISOString();
  return {
    created(fields: Partial<TicketFields> = {}): TicketEvent {
      sequence += 1;
      return {
        id: newId(),
        ticketId: newId(),
        type: 'created',
        at: at(),
        actor,
        origin,
        payload: { provisionalNo: `${origin}-${String(sequence).padStart(6, '0')}`, fields: { ...intakeFields, ...fields } },
      };
    },
    next<T extends TicketEvent['type']>(ticketId: string, type: T, payload: Extract<TicketEvent, { type: T }>['payload']): TicketEvent {
      return { id: newId(), ticketId, type, at: at(), actor, origin, payload } as TicketEvent;
    },
  };
}
