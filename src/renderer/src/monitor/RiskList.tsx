import { Badge, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDuration } from '../i18n/duration';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { listKeyOf } from '../shell/actions';
import { filterRisks, type RiskRow } from './monitor-state';
import type { NameOf } from './names';
import { useQuickUrge } from './use-quick-urge';
import { VirtualTable } from './VirtualTable';

const riskColor = { on_time: 'green', at_risk: 'orange', overdue: 'red' } as const;

/**
 * One list of tickets against their deadline (about to breach, or past it) with the time left or
 * over, and a filter by number, category, district or unit that the lead keeps across both lists.
 * Enter opens the selected ticket; U urges its unit at once.
 */
export function RiskList({
  rows,
  kind,
  filter,
  onFilter,
  name,
  onOpen,
}: {
  rows: RiskRow[];
  kind: 'risk' | 'overdue';
  filter: string;
  onFilter: (text: string) => void;
  name: NameOf;
  onOpen: (ticket: MonitorTicket) => void;
}) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const shown = filterRisks(rows, filter, name);
  const urge = useQuickUrge(name);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('monitor.riskFilter')}
        placeholder={t('monitor.riskFilterHint')}
        value={filter}
        onChange={(event) => onFilter(event.currentTarget.value)}
        data-testid={`${kind}-filter`}
        maw="28rem"
      />
      <VirtualTable
        label={t(`monitor.tabs.${kind}`)}
        testId={`${kind}-list`}
        rows={shown}
        rowKey={(r) => r.ticket.id}
        empty={filter.trim() ? t('monitor.noRiskMatch') : t(kind === 'risk' ? 'monitor.noRisk' : 'monitor.noOverdue')}
        onOpen={(r) => onOpen(r.ticket)}
        rowKeys={{ [listKeyOf('urgeRow')]: urge }}
        columns={[
          { key: 'number', header: t('monitor.columns.number'), width: '10rem', render: (r) => r.ticket.number },
          { key: 'category', header: t('monitor.columns.category'), width: '1fr', render: (r) => name(r.ticket.category) },
          { key: 'district', header: t('monitor.columns.district'), width: '7rem', render: (r) => name(r.ticket.districtCode) },
          { key: 'unit', header: t('monitor.columns.unit'), width: '1fr', render: (r) => name(r.ticket.leadUnit) },
          {
            key: 'urged',
            header: t('supervision.urgedCount'),
            width: '5rem',
            render: (r) => <span data-testid={`urged-${r.ticket.number}`}>{r.ticket.urgedCount.toLocaleString()}</span>,
          },
          { key: 'stage', header: t('monitor.columns.stage'), width: '5rem', render: (r) => t(`sla.${r.ticket.dueStage ?? 'dispatch'}`) },
          {
            key: 'left',
            header: t('monitor.columns.left'),
            width: '11rem',
            render: (r) => (
              <Badge color={riskColor[r.state]} variant="filled" tt="none" data-state={r.state} data-testid={`risk-${r.ticket.number}`}>
                {t(`sla.${r.state}`)} {formatDuration(Math.abs(r.msLeft))}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
