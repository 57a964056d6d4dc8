import type { TicketFields } from '../../src/shared/domain/ticket';

export const intakeFields: TicketFields = {
  requestType: 'help',
  urgency: 'urgent',
  callerName: '王女士',
  callerPhone: '13912345678',
  districtCode: '110105',
  streetCode: '110105017',
  addressDetail: '劲松三区 112 号楼',
  description: '楼内停水一天，家里有老人，请尽快处理',
  callerWants: '尽快恢复供水',
  channel: 'phone',
};

/** Inputs every call must refuse: wrong types, unknown fields, oversized and hostile text. */
export const badTicketInputs: { name: string; input: unknown }[] = [
  { name: 'no input', input: undefined },
  { name: 'a string', input: 'DROP TABLE tickets' },
  { name: 'fields missing', input: {} },
  { name: 'unknown request type', input: { fields: { ...intakeFields, requestType: 'praise' } } },
  { name: 'empty description', input: { fields: { ...intakeFields, description: '  ' } } },
  { name: 'huge description', input: { fields: { ...intakeFields, description: '水'.repeat(4001) } } },
  { name: 'unknown field', input: { fields: { ...intakeFields, isAdmin: true } } },
  { name: 'unknown top-level field', input: { fields: intakeFields, sql: "'; DELETE FROM tickets; --" } },
  { name: 'district code as number', input: { fields: { ...intakeFields, districtCode: 110105 } } },
  { name: 'draft id not a UUIDv7', input: { fields: intakeFields, draftId: '../../etc/passwd' } },
  { name: 'a NUL in the description', input: { fields: { ...intakeFields, description: '停水\u0000一天' } } },
  { name: 'a lone surrogate in the caller name', input: { fields: { ...intakeFields, callerName: '王\uD800' } } },
  { name: 'U+FFFE in the address', input: { fields: { ...intakeFields, addressDetail: '劲松\uFFFE' } } },
  { name: 'a control character in the call id', input: { fields: intakeFields, callId: 'call\u001B' } },
];
