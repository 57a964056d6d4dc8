import { useCallback, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { emptyIntake, intakeFields, isIntakeField, type IntakeErrors, type IntakeField, type IntakeValues } from './intake-form';

export const fieldId = (field: IntakeField) => `intake-${field}`;

/** Validation, hotkeys and the screen-pop put the cursor in a field by its id, after React renders. */
export const focusField = (field: IntakeField) => setTimeout(() => document.getElementById(fieldId(field))?.focus(), 0);

/** The field is on screen already: the cursor moves now, before the next key arrives. */
export const focusFieldNow = (field: IntakeField) => document.getElementById(fieldId(field))?.focus();

export interface IntakeForm {
  values: IntakeValues;
  errors: IntakeErrors;
  /** The draft these values are saved as; a new intake gets a new one. */
  draftId: string;
  /** What was typed into a picker that matched nothing, by field: the form refuses to submit it as empty. */
  unmatched: Partial<Record<IntakeField, string>>;
  /** Changes some fields, clearing their errors. */
  set(changes: Partial<IntakeValues>): void;
  /** A picker was left with text that matched nothing (or, with null, with a match or nothing typed). */
  setUnmatched(field: IntakeField, typed: string | null): void;
  /** A new intake (empty, or with what is given), as its own draft. */
  startOver(next?: IntakeValues): void;
  /** Puts a saved draft back into the form, under its own id. */
  restore(draftId: string, values: IntakeValues): void;
  /** Shows the errors beside their fields; the first one gets the cursor unless told. True when there was one. */
  showErrors(found: IntakeErrors, focusFirst?: boolean): boolean;
}

/** The intake form's values and errors, and the draft they belong to. */
export function useIntakeForm(): IntakeForm {
  const [values, setValues] = useState<IntakeValues>(emptyIntake);
  const [draftId, setDraftId] = useState(() => newId());
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [unmatched, setUnmatchedFields] = useState<Partial<Record<IntakeField, string>>>({});

  const set = useCallback((changes: Partial<IntakeValues>) => {
    setValues((v) => ({ ...v, ...changes }));
    setUnmatchedFields((u) => {
      const next = { ...u };
      for (const key of Object.keys(changes).filter(isIntakeField)) if (changes[key]) delete next[key];
      return next;
    });
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(changes).filter(isIntakeField)) delete next[key];
      return next;
    });
  }, []);

  const setUnmatched = useCallback((field: IntakeField, typed: string | null) => {
    setUnmatchedFields(({ [field]: _, ...rest }) => (typed ? { ...rest, [field]: typed } : rest));
    setErrors(({ [field]: _, ...rest }) => (typed ? { ...rest, [field]: { key: 'intake.errors.unmatched', values: { typed } } } : rest));
  }, []);

  const startOver = useCallback((next: IntakeValues = emptyIntake) => {
    setValues(next);
    setErrors({});
    setUnmatchedFields({});
    setDraftId(newId());
  }, []);

  const restore = useCallback((id: string, restored: IntakeValues) => {
    setDraftId(id);
    setValues(restored);
    setErrors({});
    setUnmatchedFields({});
  }, []);

  const showErrors = useCallback((found: IntakeErrors, focusFirst = true) => {
    setErrors(found);
    const first = intakeFields.find((f) => found[f]);
    if (first && focusFirst) focusField(first);
    return first !== undefined;
  }, []);

  return { values, errors, unmatched, draftId, set, setUnmatched, startOver, restore, showErrors };
}
