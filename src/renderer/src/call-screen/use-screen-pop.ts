import { useEffect, useState } from 'react';
import type { LoggedCall } from '../../../shared/contract/calls';
import { formatPhone } from '../../../shared/domain/phone';
import { emptyIntake, type IntakeValues } from './intake-form';
import { focusField } from './use-intake-form';

/** The number to show for a call: the normalised caller key when known, else what the switch sent. */
const callerNumber = (call: LoggedCall) => (call.phoneKey ? formatPhone(call.phoneKey) : call.direction === 'in' ? call.from : call.to);

/** A fresh intake for a call: its number filled in, tied to it. */
export const intakeForCall = (call: LoggedCall): IntakeValues => ({ ...emptyIntake, callerPhone: callerNumber(call), callId: call.id });

/**
 * Screen-pop: an answered call opens a fresh intake with the caller's number. What the agent was
 * typing is never cleared: it is parked as its own draft (use-draft-autosave.ts), and the drafts
 * list brings it back. Asking first would be worse: the new caller is already talking, and a
 * question would take the keys meant for the form. Done while rendering (React's "adjust state
 * when a prop changes"), so the form never shows the old call for a frame.
 */
export function useScreenPop({
  call,
  popOnAnswer,
  formCallId,
  startOver,
  showCaller,
}: {
  call: LoggedCall | null;
  popOnAnswer: boolean;
  /** The call the form holds now. */
  formCallId: string;
  startOver: (next: IntakeValues) => void;
  /** The caller panel follows the popped number at once. */
  showCaller: (phone: string) => void;
}): void {
  const [poppedCall, setPoppedCall] = useState<string | null>(null);
  if (popOnAnswer && call && call.state === 'answered' && call.id !== poppedCall) {
    setPoppedCall(call.id);
    if (formCallId !== call.id) {
      const next = intakeForCall(call);
      startOver(next);
      showCaller(next.callerPhone);
    }
  }
  useEffect(() => {
    if (poppedCall) focusField('requestType');
  }, [poppedCall]);
}
