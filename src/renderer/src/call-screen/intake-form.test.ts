import { describe, expect, it } from 'vitest';
import { emptyIntake, errorsFromIssues, fromDraft, hasContent, validateIntake } from './intake-form';

const filled = {
  ...emptyIntake,
  requestType: 'complaint',
  description: ' 暖气不热 ',
  callerPhone: '+86 139 1234 5678',
  districtCode: '110105',
  streetCode: '110105017',
};

describe('validateIntake', () => {
  it('turns a filled form into ticket fields, trimmed, empty fields left out', () => {
    expect(validateIntake(filled)).toEqual({
      ok: true,
      fields: {
        requestType: 'complaint',
        urgency: 'normal',
        description: '暖气不热',
        callerPhone: '+86 139 1234 5678',
        districtCode: '110105',
        streetCode: '110105017',
        channel: 'phone',
      },
    });
  });

  it('refuses text typed into a picker that matched nothing, naming it, even over an earlier pick', () => {
    const unmatched = { key: 'intake.errors.unmatched', values: { typed: 'qxzqxz' } };
    expect(validateIntake(filled, { category: 'qxzqxz' })).toEqual({ ok: false, errors: { category: unmatched } });
    // The field shows what was typed, not the district picked before: submitting the old one would surprise the agent.
    expect(validateIntake(filled, { districtCode: 'qxzqxz' })).toEqual({ ok: false, errors: { districtCode: unmatched } });
  });

  it('names every wrong field with a message key', () => {
    const result = validateIntake({ ...emptyIntake, callerPhone: '王先生', districtCode: '110108', streetCode: '110105017' });
    expect(result).toEqual({
      ok: false,
      errors: {
        requestType: 'intake.errors.requestType',
        description: 'intake.errors.description',
        callerPhone: 'intake.errors.callerPhone.characters',
        streetCode: 'intake.errors.streetCode',
      },
    });
    expect(validateIntake({ ...filled, description: '长'.repeat(4001) })).toEqual({
      ok: false,
      errors: { description: { key: 'intake.errors.tooLong', values: { count: 4001, max: 4000 } } },
    });
  });

  it('says so when a field holds a character that cannot be stored, rather than "not in the right form"', () => {
    expect(validateIntake({ ...filled, description: '暖气\u0000不热', callerName: '王\uD800', callerWants: '\uFFFE' })).toEqual({
      ok: false,
      errors: { description: 'intake.errors.unsafeText', callerName: 'intake.errors.unsafeText', callerWants: 'intake.errors.unsafeText' },
    });
  });

  it("puts the core's field issues beside the form's fields", () => {
    const values = { ...filled, addressDetail: '劲松\u0007' };
    expect(
      errorsFromIssues(
        [
          { path: 'fields.addressDetail', message: 'contains a control character (U+0007)' },
          { path: 'fields.description', message: 'Too big' },
          { path: 'draftId', message: 'Invalid UUID' },
        ],
        values,
      ),
    ).toEqual({ addressDetail: 'intake.errors.unsafeText', description: 'intake.errors.invalid' });
  });
});

describe('drafts', () => {
  it('restores only our own text fields', () => {
    expect(fromDraft({ description: '半句话', callerPhone: '139', injected: '<img>', urgency: 3 })).toEqual({
      ...emptyIntake,
      description: '半句话',
      callerPhone: '139',
    });
  });

  it('counts a popped call without typing as empty', () => {
    expect(hasContent({ ...emptyIntake, callId: 'c1' })).toBe(false);
    expect(hasContent({ ...emptyIntake, description: 'x' })).toBe(true);
  });
});
