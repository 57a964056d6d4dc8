import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerHistory } from '../../../shared/contract/callers';
import type { LoggedCall } from '../../../shared/contract/calls';
import { offeredChanges } from './caller-offer';
import type { CallerPanelProps } from './CallerPanel';
import type { IntakeValues } from './intake-form';
import { callerNumber } from './use-caller-lookup';
import type { WrapUp } from './use-wrap-up';

/**
 * What the caller panel shows beside the history, as values that change only when it must (the
 * panel is not redrawn while the agent types), and what Alt+A would put in the form.
 */
export function useCallerPanel(values: IntakeValues, history: CallerHistory | null, call: LoggedCall | null, wrapUp: WrapUp) {
  const { i18n } = useTranslation();
  const nameOf = (choice: { zh: string; en: string } | undefined) => (choice ? (i18n.language === 'en' ? choice.en : choice.zh) : null);
  const offered = offeredChanges(values, history?.details ?? null, history?.phoneKey ?? null);
  const proposed = nameOf(wrapUp.choices.find((c) => c.code === wrapUp.proposed));
  const wrapUpDue = useMemo(() => (wrapUp.due ? { number: callerNumber(wrapUp.due), proposed } : null), [wrapUp.due, proposed]);
  const panel: Pick<CallerPanelProps, 'offerable' | 'wrapUpDue' | 'wrappedUpAs'> = {
    offerable: Object.keys(offered).length > 0,
    wrapUpDue,
    wrappedUpAs: wrapUp.given && wrapUp.given.callId === call?.id ? nameOf(wrapUp.given.choice) : null,
  };
  return { panel, offered };
}
