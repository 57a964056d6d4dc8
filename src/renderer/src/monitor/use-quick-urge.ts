import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { RiskRow } from './monitor-state';
import type { NameOf } from './names';

/**
 * One key on a row of the at-risk or overdue list urges (督办) the unit the order is with, with a
 * standard reason for how late it is; the dialog (Enter) is there for a reason of the lead's own.
 * The core asks what the server will ask (an order on time is refused) and the refusal is shown.
 */
export function useQuickUrge(name: NameOf): (row: RiskRow) => void {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  // A key held down repeats: one urge per ticket until its answer is back.
  const pending = useRef(new Set<string>());
  return (row) => {
    const { ticket } = row;
    const unitCode = ticket.leadUnit;
    if (!unitCode || ticket.dueStage !== 'feedback') {
      notifications.show({ color: 'yellow', message: t('supervision.notWithUnit', { number: ticket.number }) });
      return;
    }
    if (pending.current.has(ticket.id)) return;
    pending.current.add(ticket.id);
    const unit = name(unitCode);
    const reason = t(`supervision.quickReason.${row.state === 'overdue' ? 'overdue' : 'at_risk'}`);
    void call(() => api.tickets.urge({ id: ticket.id, unitCode, reason }), {
      failure: 'urgeUnit',
      detail: true,
      done: () => t('supervision.quickUrged', { number: ticket.number, unit }),
    }).finally(() => pending.current.delete(ticket.id));
  };
}
