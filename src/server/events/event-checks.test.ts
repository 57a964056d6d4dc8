import { describe, expect, it } from 'vitest';
import { eventsBy } from '../../../tests/support/event-builder';
import type { TicketEvent } from '../../shared/domain/ticket';
import { unknownReference, unsafeText } from './event-checks';

const agent = eventsBy('agent1');

describe('event checks', () => {
  it('finds poison text in a field no schema checked (a field added later with a bare string)', () => {
    const created = agent.created();
    const sneaky = { ...created, payload: { ...created.payload, extra: { deep: ['ok', 'x\u0000'] } } } as unknown as TicketEvent;
    expect(unsafeText(sneaky)).toEqual({
      code: 'unsafe_text',
      params: { path: 'payload.extra.deep.1', codePoint: 'U+0000', position: 2, kind: 'control character' },
    });
    expect(unsafeText(created)).toBeNull();
  });

  it('names the first unit, category, district or street the reference data does not hold', () => {
    const known = new Set(['category/water.outage', 'district/110105', 'street/110105017', 'unit/street:110105017']);
    const created = agent.created({ category: 'water.outage' });
    expect(unknownReference(created, known)).toBeNull();
    const unknownCategory = agent.created({ category: 'water.nothing' });
    expect(unknownReference(unknownCategory, known)).toEqual({ code: 'unknown_category', params: { code: 'water.nothing' } });
    const dispatched = agent.next(created.ticketId, 'dispatched', {
      unitCodes: ['street:110105017', 'company:nobody'],
      leadUnitCode: 'street:110105017',
    });
    expect(unknownReference(dispatched, known)).toEqual({ code: 'unknown_unit', params: { code: 'company:nobody' } });
    expect(unknownReference(agent.next(created.ticketId, 'updated', { changes: { category: '' } }), known)).toBeNull();
  });
});
