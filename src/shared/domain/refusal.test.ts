import { describe, expect, it } from 'vitest';
import { refusalCodes, refusalMessage, refusalSchema } from './refusal';
import { refusalExamples } from './refusal-examples';

describe('refusals', () => {
  it('are a closed set: every code has its parameters, and nothing else passes', () => {
    expect(refusalExamples.map((r) => r.code)).toEqual(refusalCodes);
    for (const example of refusalExamples) expect(refusalSchema.parse(example)).toEqual(example);
    expect(refusalSchema.safeParse({ code: 'no_such_code', params: {} }).success).toBe(false);
    expect(refusalSchema.safeParse({ code: 'field_conflict', params: { fields: 'callerWants', actor: 'agent2' } }).success).toBe(false);
    expect(refusalSchema.safeParse({ code: 'merged_into_self', params: { extra: 1 } }).success).toBe(false);
  });

  it('say in English, for logs and operators, what happened and what to do, every parameter in place', () => {
    for (const example of refusalExamples) {
      const message = refusalMessage(example);
      expect(message, example.code).not.toMatch(/undefined|\[object/);
      // These say their case in words rather than repeating the parameter.
      if (['malformed', 'invalid_resolution', 'no_jurisdiction'].includes(example.code)) continue;
      for (const value of Object.values(example.params).flat()) expect(message, example.code).toContain(String(value));
    }
    expect(refusalMessage({ code: 'field_conflict', params: { fields: ['callerWants'], actor: 'agent1' } })).toBe(
      '"callerWants" changed by agent1 after you opened this ticket; review it and apply your change again',
    );
    const closedTwice = refusalMessage({ code: 'invalid_transition', params: { eventType: 'closed', status: 'closed' } });
    expect(closedTwice).toBe('cannot apply "closed" to a ticket that is closed');
    expect(refusalMessage({ code: 'invalid_resolution', params: { resolution: 'resolved', status: 'dispatched' } })).toBe(
      'a ticket is resolved after the unit has reported back',
    );
  });
});
