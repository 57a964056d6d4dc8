import { describe, expect, it } from 'vitest';
import { fieldLimits } from './field-limits';
import { newId } from './ids';
import { storedTicketEventSchema, ticketEventSchema, ticketFieldsSchema } from './ticket';

const fields = { requestType: 'complaint', urgency: 'normal', description: '暖气不热', channel: 'phone' } as const;
const createdWith = (extra: Record<string, unknown>) => ({
  id: newId(),
  ticketId: newId(),
  type: 'created',
  at: new Date().toISOString(),
  actor: 'agent:1001',
  origin: 'K7Q2',
  payload: { provisionalNo: 'K7Q2-000001', fields: { ...fields, ...extra } },
});

describe('ticket fields as a call takes them', () => {
  it('turns full-width digits and letters into ASCII, and keeps Chinese punctuation', () => {
    const parsed = ticketFieldsSchema.parse({
      ...fields,
      callerPhone: '＋８６　１３３ ２３９４ ３１０７',
      addressDetail: '３号楼Ｂ座１０１',
      description: '暖气不热，室温１６度。',
    });
    expect(parsed).toMatchObject({ callerPhone: '+86 133 2394 3107', addressDetail: '3号楼B座101', description: '暖气不热，室温16度。' });
  });

  it('refuses a mobile number without 11 digits, saying so', () => {
    const refused = ticketFieldsSchema.safeParse({ ...fields, callerPhone: '1332394310' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toMatchObject([{ path: ['callerPhone'], message: expect.stringContaining('11 digits') }]);
  });

  it('refuses text past the limit the form counts against', () => {
    expect(ticketFieldsSchema.safeParse({ ...fields, description: '长'.repeat(fieldLimits.description) }).success).toBe(true);
    expect(ticketFieldsSchema.safeParse({ ...fields, description: '长'.repeat(fieldLimits.description + 1) }).success).toBe(false);
  });
});

describe('ticket fields in an event', () => {
  it('are checked, not rewritten: the server stores the very text that was sent', () => {
    const parsed = ticketEventSchema.parse(createdWith({ callerPhone: '１３３２３９４３１０７' }));
    expect(parsed.type === 'created' && parsed.payload.fields.callerPhone).toBe('１３３２３９４３１０７');
  });

  it('refuse a number the numbering plan does not have when they come in, and read back any that were stored', () => {
    expect(ticketEventSchema.safeParse(createdWith({ callerPhone: '010-8303 233' })).success).toBe(false);
    expect(storedTicketEventSchema.safeParse(createdWith({ callerPhone: '010-8303 233' })).success).toBe(true);
  });
});
