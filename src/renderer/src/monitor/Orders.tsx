import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { countBy, type Dimension, type MonitorState } from './monitor-state';
import type { NameOf } from './names';
import { type Column, VirtualTable } from './VirtualTable';

/** Counts by status, unit and district; Enter (or a click) on a count lists the tickets behind it. */
export function Orders({ state, name, onOpen }: { state: MonitorState; name: NameOf; onOpen: (ticket: MonitorTicket) => void }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<Dimension>('status');
  const [drill, setDrill] = useState<string | null>(null);
  const label = (key: string) =>
    dimension === 'status' ? t(`ticket.status.${key as MonitorTicket['status']}`) : key === 'none' ? '—' : name(key);
  const counts = countBy(state, dimension);
  const tickets = useMemo(
    () => [...state.tickets.values()].filter((ticket) => drill !== null && (ticket[dimension] ?? 'none') === drill),
    [state, dimension, drill],
  );
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={dimension}
        onChange={(value) => {
          setDimension(value);
          setDrill(null);
        }}
        data={(['status', 'leadUnit', 'districtCode'] as const).map((d) => ({ value: d, label: t(`monitor.by.${d}`) }))}
      />
      <VirtualTable
        label={t(`monitor.by.${dimension}`)}
        testId="order-counts"
        rows={counts}
        rowKey={(c) => c.key}
        empty={t('monitor.noTickets')}
        height={200}
        onOpen={(c) => setDrill(c.key)}
        columns={[
          { key: 'key', header: t(`monitor.by.${dimension}`), width: '1fr', render: (c) => label(c.key) },
          { key: 'count', header: t('monitor.columns.count'), width: '8rem', render: (c) => c.count.toLocaleString() },
          // The urges (督办) on the open orders of each row: which units the leads are chasing.
          { key: 'urged', header: t('supervision.urgedCount'), width: '7rem', render: (c) => c.urged.toLocaleString() },
        ]}
      />
      {drill !== null && (
        <>
          <Group justify="space-between">
            <Text fw={600}>{t('monitor.drill', { label: label(drill), count: tickets.length })}</Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setDrill(null)}>
              {t('monitor.clearDrill')}
            </Button>
          </Group>
          <VirtualTable
            label={label(drill)}
            testId="drill"
            rows={tickets}
            rowKey={(r) => r.id}
            empty={t('monitor.noTickets')}
            onOpen={onOpen}
            columns={ticketColumns(t, name)}
          />
        </>
      )}
    </Stack>
  );
}

const ticketColumns = (t: ReturnType<typeof useTranslation>['t'], name: NameOf): Column<MonitorTicket>[] => [
  { key: 'number', header: t('monitor.columns.number'), width: '10rem', render: (r) => r.number },
  { key: 'status', header: t('monitor.columns.status'), width: '6rem', render: (r) => t(`ticket.status.${r.status}`) },
  { key: 'category', header: t('monitor.columns.category'), width: '1fr', render: (r) => name(r.category) },
  { key: 'district', header: t('monitor.columns.district'), width: '7rem', render: (r) => name(r.districtCode) },
  { key: 'unit', header: t('monitor.columns.unit'), width: '1fr', render: (r) => name(r.leadUnit) },
];
