import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/domain/sla';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import type { RiskRow } from './monitor-state';
import type { NameOf } from './names';
import { VirtualTable } from './VirtualTable';

const riskColor = { on_time: 'green', at_risk: 'orange', overdue: 'red' } as const;

/** The tickets at risk of missing their deadline or past it, with the time left (or over). */
export function RiskList({ risks, name, onOpen }: { risks: RiskRow[]; name: NameOf; onOpen: (ticket: MonitorTicket) => void }) {
  const { t } = useTranslation();
  return (
    <VirtualTable
      label={t('monitor.tabs.risk')}
      testId="risk-list"
      rows={risks}
      rowKey={(r) => r.ticket.id}
      empty={t('monitor.noRisk')}
      onOpen={(r) => onOpen(r.ticket)}
      columns={[
        { key: 'number', header: t('monitor.columns.number'), width: '10rem', render: (r) => r.ticket.number },
        { key: 'category', header: t('monitor.columns.category'), width: '1fr', render: (r) => name(r.ticket.category) },
        { key: 'district', header: t('monitor.columns.district'), width: '7rem', render: (r) => name(r.ticket.districtCode) },
        { key: 'unit', header: t('monitor.columns.unit'), width: '1fr', render: (r) => name(r.ticket.leadUnit) },
        { key: 'stage', header: t('monitor.columns.stage'), width: '5rem', render: (r) => t(`sla.${r.ticket.dueStage ?? 'dispatch'}`) },
        {
          key: 'left',
          header: t('monitor.columns.left'),
          width: '11rem',
          render: (r) => (
            <Badge color={riskColor[r.state]} variant="filled" data-state={r.state} data-testid={`risk-${r.ticket.number}`}>
              {t(`sla.${r.state}`)} {formatDuration(r.msLeft)}
            </Badge>
          ),
        },
      ]}
    />
  );
}
