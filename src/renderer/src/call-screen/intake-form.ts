import { fieldLimits } from '../../../shared/domain/field-limits';
import { halfWidth } from '../../../shared/domain/full-width';
import { parsePhone, type PhoneProblem } from '../../../shared/domain/phone';
import { findUnsafeCharacter } from '../../../shared/domain/plain-text';
import { type TicketFields, ticketFieldsSchema, urgencies, requestTypes } from '../../../shared/domain/ticket';
import type { FieldIssue } from '../../../shared/result';

/**
 * What the intake form holds while the agent types: every field as text, valid or not, so the
 * draft can be saved at every keystroke and restored as it was.
 */
export interface IntakeValues {
  requestType: string;
  category: string;
  urgency: string;
  callerName: string;
  callerPhone: string;
  districtCode: string;
  streetCode: string;
  addressDetail: string;
  description: string;
  callerWants: string;
  /** The call this intake belongs to (screen-pop), if any. */
  callId: string;
  /** The earlier ticket the agent linked this one to as a duplicate, if any. */
  duplicateOf: string;
}

export const emptyIntake: IntakeValues = {
  requestType: '',
  category: '',
  urgency: 'normal',
  callerName: '',
  callerPhone: '',
  districtCode: '',
  streetCode: '',
  addressDetail: '',
  description: '',
  callerWants: '',
  callId: '',
  duplicateOf: '',
};

export type IntakeField = keyof IntakeValues;

/** Whether a name (an issue's path, a draft's key) is one of the form's fields. */
export const isIntakeField = (name: string): name is IntakeField => Object.hasOwn(emptyIntake, name);

/** Every field of the form, in its order. */
export const intakeFields: readonly IntakeField[] = Object.keys(emptyIntake).filter(isIntakeField);

/** Has the agent typed anything worth keeping? (A popped call alone is not.) */
export const hasContent = (v: IntakeValues): boolean =>
  intakeFields.some((k) => k !== 'callId' && k !== 'urgency' && v[k] !== emptyIntake[k]);

/** Restores a saved draft body, ignoring anything that is not one of our fields. */
export function fromDraft(body: Record<string, unknown>): IntakeValues {
  const values = { ...emptyIntake };
  for (const key of intakeFields) {
    const value = body[key];
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** The message shown beside a wrong field (a key of `intake.errors` in the message files). */
export type IntakeErrorKey =
  | `intake.errors.${'requestType' | 'urgency' | 'description' | 'streetCode' | 'invalid' | 'unsafeText' | 'tooLong' | 'unmatched'}`
  | `intake.errors.callerPhone.${PhoneProblem}`;
/** A message, with the values it names (the limit, what was typed) when it has any. */
export type IntakeError = IntakeErrorKey | { key: IntakeErrorKey; values: Record<string, string | number> };
export type IntakeErrors = Partial<Record<IntakeField, IntakeError>>;

export type Validated = { ok: true; fields: TicketFields } | { ok: false; errors: IntakeErrors };

/** The free-text fields of the form and how long each may be (the schemas' own limits). */
export const limitedFields = ['callerPhone', 'callerName', 'addressDetail', 'description', 'callerWants'] as const;
export type LimitedIntakeField = (typeof limitedFields)[number];
export const limitOf = (field: LimitedIntakeField): number => fieldLimits[field];

/** Past its limit: the message names the limit and how far over the text is. */
export function tooLong(field: LimitedIntakeField, text: string): IntakeError | undefined {
  const count = text.trim().length;
  return count > limitOf(field) ? { key: 'intake.errors.tooLong', values: { max: limitOf(field), count } } : undefined;
}

/**
 * The phone field as the agent types it: full-width digits and signs from a Chinese input method
 * become ASCII at once, so what is on screen is what is stored and searched.
 */
export const typedPhone = (text: string): string => halfWidth(text);

const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());

/**
 * The form as ticket fields, or the message for every field that is wrong. `unmatched` holds what
 * was typed into a picker that matched nothing (a mistyped pinyin): never submitted as "no category".
 */
export function validateIntake(v: IntakeValues, unmatched: Partial<Record<IntakeField, string>> = {}): Validated {
  const errors: IntakeErrors = {};
  if (!requestTypes.some((t) => t === v.requestType)) errors.requestType = 'intake.errors.requestType';
  if (!urgencies.some((u) => u === v.urgency)) errors.urgency = 'intake.errors.urgency';
  if (v.description.trim() === '') errors.description = 'intake.errors.description';
  const phone = v.callerPhone.trim() === '' ? null : parsePhone(v.callerPhone);
  if (phone && !phone.ok) errors.callerPhone = `intake.errors.callerPhone.${phone.problem}`;
  if (v.streetCode && v.districtCode && !v.streetCode.startsWith(v.districtCode)) errors.streetCode = 'intake.errors.streetCode';
  for (const field of intakeFields) {
    const typed = unmatched[field];
    if (typed) errors[field] = { key: 'intake.errors.unmatched', values: { typed } };
  }
  for (const field of limitedFields) errors[field] = tooLong(field, v[field]) ?? errors[field];
  // A pasted control character is invisible: say so, rather than "not in the right form".
  for (const field of intakeFields) if (findUnsafeCharacter(v[field])) errors[field] = 'intake.errors.unsafeText';
  const candidate = {
    requestType: v.requestType,
    category: optional(v.category),
    urgency: v.urgency,
    callerName: optional(v.callerName),
    callerPhone: optional(v.callerPhone),
    districtCode: optional(v.districtCode),
    streetCode: optional(v.streetCode),
    addressDetail: optional(v.addressDetail),
    description: v.description.trim(),
    callerWants: optional(v.callerWants),
    channel: 'phone',
  };
  const parsed = ticketFieldsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && isIntakeField(field) && !errors[field]) errors[field] = 'intake.errors.invalid';
    }
  }
  for (const field of intakeFields) if (errors[field] === undefined) delete errors[field];
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, fields: parsed.data };
}

/** The core's `invalid_input` issues (`fields.description`, …) as messages beside the form's fields. */
export function errorsFromIssues(issues: readonly FieldIssue[], v: IntakeValues): IntakeErrors {
  const errors: IntakeErrors = {};
  for (const issue of issues) {
    const field = issue.path.replace(/^fields\./, '').split('.')[0];
    if (field && isIntakeField(field))
      errors[field] ??= findUnsafeCharacter(v[field]) ? 'intake.errors.unsafeText' : 'intake.errors.invalid';
  }
  return errors;
}
