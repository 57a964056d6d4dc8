import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { useCall } from '../api/use-call';

export type StepDone =
  | 'work.dispatched'
  | 'work.callbackRecorded'
  | 'work.extensionApproved'
  | 'work.extensionRefused'
  | 'work.recategorised'
  | 'work.merged'
  | 'step.unmerged';

/** Runs one step on a ticket and says, in the agent's words, that it was done or why it was refused. */
export function useTicketStep() {
  const { t } = useTranslation();
  const call = useCall();
  return (action: () => Promise<Ticket>, done: StepDone) =>
    call(action, { failure: 'workStep', detail: true, done: (ticket) => t(done, { number: ticket.officialNo ?? ticket.provisionalNo }) });
}

/** What Alt+Enter does in the form on screen: the step that form stands for. */
export interface StepHandle {
  confirm(): void;
}

/**
 * Puts the cursor on the first field of the step form on screen (marked `data-step-form`), so a
 * keyboard reaches the form from the list in one key, whatever stands between them.
 */
export function focusStepForm(): boolean {
  const form = document.querySelector('[data-step-form]');
  const first = form?.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea, button:not([disabled])');
  first?.focus();
  return !!first;
}
