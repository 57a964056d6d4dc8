import { useEffect, useState } from 'react';
import type { LoggedCall } from '../../../shared/contract/calls';
import { formatPhone } from '../../../shared/domain/phone';
import { emptyIntake, type IntakeValues } from './intake-form';
import { focusField } from './use-intake-form';

/** The number to show for a call: the normalised caller key when known, else what the switch sent. */
const callerNumber = (call: LoggedCall) => (call.phoneKey ? formatPhone(call.phoneKey) : call.direction === 'in' ? call.from : call.to);

/**
 * Screen-pop: an answered call opens a fresh intake with the caller's number; what the agent was
 * typing stays saved as its own draft. Done while rendering (React's "adjust state when a prop
 * changes"), so the form never shows the old call for a frame.
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
      const phone = callerNumber(call);
      startOver({ ...emptyIntake, callerPhone: phone, callId: call.id });
      showCaller(phone);
    }
  }
  useEffect(() => {
    if (poppedCall) focusField('requestType');
  }, [poppedCall]);
}
