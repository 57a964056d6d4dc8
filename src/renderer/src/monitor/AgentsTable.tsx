import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonitorAgent } from '../../../shared/server-api/monitor';
import { useDuration } from '../i18n/duration';
import { VirtualTable } from './VirtualTable';

const presenceColor = { available: 'green', on_call: 'blue', wrap_up: 'cyan', break: 'gray', disconnected: 'red' } as const;

/** Every agent with their presence, time in it, time on the current call and today's figures. */
export function AgentsTable({ agents, now }: { agents: MonitorAgent[]; now: Date }) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const since = (iso: string | null) => (iso ? formatDuration(now.getTime() - Date.parse(iso)) : '—');
  return (
    <VirtualTable
      label={t('monitor.tabs.agents')}
      testId="agents"
      rows={agents}
      rowKey={(a) => a.username}
      empty={t('monitor.noTickets')}
      columns={[
        { key: 'agent', header: t('monitor.columns.agent'), width: '1fr', render: (a) => a.displayName },
        {
          key: 'presence',
          header: t('monitor.columns.presence'),
          width: '8rem',
          render: (a) => (
            <Badge color={presenceColor[a.state]} variant="light" data-testid={`agent-state-${a.username}`} data-state={a.state}>
              {t(`monitor.presence.${a.state}`)}
            </Badge>
          ),
        },
        { key: 'since', header: t('monitor.columns.since'), width: '7rem', render: (a) => since(a.since) },
        { key: 'onCall', header: t('monitor.columns.onCall'), width: '7rem', render: (a) => since(a.callSince) },
        { key: 'tickets', header: t('monitor.columns.ticketsToday'), width: '7rem', render: (a) => a.ticketsToday },
        { key: 'calls', header: t('monitor.columns.callsToday'), width: '7rem', render: (a) => a.callsToday },
        {
          key: 'aht',
          header: t('monitor.columns.aht'),
          width: '8rem',
          render: (a) => (a.ahtSeconds === null ? '—' : formatDuration(a.ahtSeconds * 1000)),
        },
      ]}
    />
  );
}
