import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { MonitorState } from './monitor-state';
import type { NameOf } from './names';
import { VirtualTable } from './VirtualTable';
import { useDialogProps } from '../shell/dialog-props';

type Cluster = MonitorState['heat'][number];

/** Intake per hour against the usual, and the category × district clusters; Enter links a cluster as one incident. */
export function HotSpots({ state, name }: { state: MonitorState; name: NameOf }) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  const { api } = useWorkstation();
  const call = useCall();
  const [cluster, setCluster] = useState<Cluster | null>(null);
  const [title, setTitle] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const link = async (event: FormEvent) => {
    event.preventDefault();
    if (!cluster) return;
    const result = await call(() => api.monitor.linkIncident({ title, ticketIds: cluster.ticketIds }), { failure: 'linkIncident' });
    if (!result) return;
    setDone(t('monitor.linked', { count: result.linked }));
    setCluster(null);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('monitor.intakeByHour')}
      </Text>
      <IntakeByHour hours={state.intakeByHour} label={t('monitor.intakeByHour')} />
      <Text size="sm" fw={600}>
        {t('monitor.heat')}
      </Text>
      <VirtualTable
        label={t('monitor.heat')}
        testId="heat"
        rows={state.heat}
        rowKey={(c) => `${c.category}|${c.districtCode}`}
        empty={t('monitor.noTickets')}
        height={240}
        onOpen={(c) => {
          setCluster(c);
          setTitle(`${name(c.category)} · ${name(c.districtCode)}`);
        }}
        columns={[
          { key: 'category', header: t('monitor.columns.category'), width: '1fr', render: (c) => name(c.category) },
          { key: 'district', header: t('monitor.columns.district'), width: '8rem', render: (c) => name(c.districtCode) },
          { key: 'count', header: t('monitor.columns.count'), width: '6rem', render: (c) => c.count },
          { key: 'baseline', header: t('monitor.columns.baseline'), width: '9rem', render: (c) => c.baseline.toFixed(1) },
          {
            key: 'spike',
            header: t('monitor.columns.spike'),
            width: '6rem',
            render: (c) => (c.spike ? <Badge color="red">{t('monitor.spike')}</Badge> : ''),
          },
        ]}
      />
      {state.heat[0] && (
        <Text size="xs" c="dimmed">
          {t('monitor.linkCluster', { count: state.heat[0].ticketIds.length })}
        </Text>
      )}
      {done && <Alert color="green">{done}</Alert>}
      <Modal {...dialog} opened={cluster !== null} onClose={() => setCluster(null)} title={t('monitor.linkIncident')}>
        <form onSubmit={(event) => void link(event)}>
          <Stack>
            <Text size="sm" data-testid="cluster-tickets">
              {cluster?.ticketIds.map((id) => state.tickets.get(id)?.number ?? id.slice(0, 8)).join('、')}
            </Text>
            <TextInput
              label={t('monitor.incidentTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              data-autofocus
              required
              maxLength={200}
            />
            <Button type="submit">{t('monitor.linkIncident')}</Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** Today's intake per hour (bars) over the usual for the hour (the grey behind). */
function IntakeByHour({ hours, label }: { hours: MonitorState['intakeByHour']; label: string }) {
  const peak = Math.max(1, ...hours.map((h) => Math.max(h.today, h.baseline)));
  return (
    <Group gap={2} align="flex-end" h={90} data-testid="intake-chart" role="img" aria-label={label}>
      {hours.map((h) => (
        <div
          key={h.hour}
          title={`${h.hour}:00 · ${h.today} / ${h.baseline.toFixed(1)}`}
          style={{ width: 18, position: 'relative', height: 90 }}
        >
          <div
            style={{
              position: 'absolute',
              bottom: 0,
              width: 18,
              height: (90 * h.baseline) / peak,
              background: 'var(--mantine-color-gray-4)',
            }}
          />
          <div
            style={{
              position: 'absolute',
              bottom: 0,
              left: 4,
              width: 10,
              height: (90 * h.today) / peak,
              background: 'var(--mantine-primary-color-filled)',
            }}
          />
        </div>
      ))}
    </Group>
  );
}
