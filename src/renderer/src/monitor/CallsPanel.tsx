import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallFigures, CallFiguresResponse } from '../../../shared/server-api/call-figures';
import { formatSeconds, formatShare, IntakeByHourChart, intakePoints, levelPoints, ServiceLevelChart } from './charts';
import type { MonitorState } from './monitor-state';

const columns = ['offered', 'answered', 'abandoned', 'waiting', 'serviceLevel', 'abandonRate', 'asaSeconds', 'ahtSeconds'] as const;
type Column = (typeof columns)[number];

const cell = (figures: CallFigures, column: Column): string => {
  switch (column) {
    case 'serviceLevel':
    case 'abandonRate':
      return formatShare(figures[column]);
    case 'asaSeconds':
    case 'ahtSeconds':
      return formatSeconds(figures[column]);
    default:
      return figures[column].toLocaleString();
  }
};

/** Today's calls: the charts through the day, then the figures in total and per queue, then per hour. */
export function CallsPanel({ calls, state }: { calls: CallFiguresResponse | null; state: MonitorState }) {
  const { t } = useTranslation();
  if (!calls) return <Text c="dimmed">{t('monitor.loading')}</Text>;
  const head = (first: string, extra?: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        {extra && <Table.Th>{extra}</Table.Th>}
        {columns.map((c) => (
          <Table.Th key={c}>{t(`monitor.callFigures.columns.${c}`)}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  const row = (key: string, label: string, figures: CallFigures, extra?: string) => (
    <Table.Tr key={key} data-testid={`calls-${key}`}>
      <Table.Td>{label}</Table.Td>
      {extra !== undefined && <Table.Td>{extra}</Table.Td>}
      {columns.map((c) => (
        <Table.Td key={c} data-testid={`calls-${key}-${c}`}>
          {cell(figures, c)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  const hours = calls.byHour.filter((h) => h.offered > 0);
  return (
    <Stack gap="sm" data-testid="calls-panel">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <IntakeByHourChart points={intakePoints(calls, state.intakeByHour)} />
        <ServiceLevelChart points={levelPoints(calls)} thresholdSeconds={calls.thresholdSeconds} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('monitor.callFigures.definitions', { seconds: calls.thresholdSeconds })}
      </Text>
      <Table striped withTableBorder aria-label={t('monitor.callFigures.byQueue')}>
        {head(t('monitor.queue'))}
        <Table.Tbody>
          {row('total', t('monitor.callFigures.total'), calls.total)}
          {calls.byQueue.map((q) => row(`queue-${q.queue ?? 'none'}`, q.queue ?? '—', q))}
        </Table.Tbody>
      </Table>
      <Table striped withTableBorder aria-label={t('monitor.callFigures.byHour')}>
        {head(t('monitor.callFigures.hour'), t('monitor.callFigures.usual', { weeks: calls.usualWeeks }))}
        <Table.Tbody>
          {hours.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length + 2}>{t('monitor.callFigures.noCalls')}</Table.Td>
            </Table.Tr>
          ) : (
            hours.map((h) => row(`hour-${h.hour}`, `${String(h.hour).padStart(2, '0')}:00`, h, h.usual.toFixed(1)))
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
