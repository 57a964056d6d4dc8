import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonitorAgent } from '../../../shared/server-api/monitor';
import { useDuration } from '../i18n/duration';
import { useBreakReasons } from '../shell/use-break-reasons';
import { timeInStates } from './monitor-state';
import { VirtualTable } from './VirtualTable';

const presenceColor = { available: 'green', on_call: 'blue', wrap_up: 'cyan', break: 'gray', disconnected: 'red' } as const;

const counted = ['available', 'on_call', 'wrap_up', 'break'] as const;

/**
 * Every agent with their presence (a break with its reason), a raised hand, time in the state, time
 * on the current call, today's figures and today's time in each state.
 */
export function AgentsTable({ agents, now, countedAt }: { agents: MonitorAgent[]; now: Date; countedAt: number }) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const { nameOf } = useBreakReasons();
  const since = (iso: string | null) => (iso ? formatDuration(now.getTime() - Date.parse(iso)) : '—');
  const stateText = (a: MonitorAgent) => {
    const state = t(`monitor.presence.${a.state}`);
    const reason = nameOf(a.reason);
    return reason ? t('agentState.withReason', { state, reason }) : state;
  };
  return (
    <VirtualTable
      label={t('monitor.tabs.agents')}
      testId="agents"
      rows={agents}
      rowKey={(a) => a.username}
      empty={t('monitor.noTickets')}
      columns={[
        { key: 'agent', header: t('monitor.columns.agent'), width: 'minmax(6rem, 1fr)', render: (a) => a.displayName },
        {
          key: 'presence',
          header: t('monitor.columns.presence'),
          width: '9rem',
          render: (a) => (
            <Badge color={presenceColor[a.state]} variant="light" data-testid={`agent-state-${a.username}`} data-state={a.state}>
              {stateText(a)}
            </Badge>
          ),
        },
        {
          key: 'help',
          header: t('agentState.help'),
          width: '5rem',
          render: (a) =>
            a.helpSince ? (
              <Badge color="red" variant="filled" data-testid={`agent-hand-${a.username}`}>
                {since(a.helpSince)}
              </Badge>
            ) : (
              ''
            ),
        },
        { key: 'since', header: t('monitor.columns.since'), width: '6rem', render: (a) => since(a.since) },
        { key: 'onCall', header: t('monitor.columns.onCall'), width: '6rem', render: (a) => since(a.callSince) },
        { key: 'tickets', header: t('monitor.columns.ticketsToday'), width: '5rem', render: (a) => a.ticketsToday },
        { key: 'calls', header: t('monitor.columns.callsToday'), width: '5rem', render: (a) => a.callsToday },
        {
          key: 'aht',
          header: t('monitor.columns.aht'),
          width: '7rem',
          render: (a) => (a.ahtSeconds === null ? '—' : formatDuration(a.ahtSeconds * 1000)),
        },
        {
          // One cell, four figures in a fixed order: four columns would squeeze the names off a 1440-pixel screen.
          key: 'today',
          header: t('agentState.todayShort'),
          width: '15rem',
          render: (a) => {
            const times = timeInStates(a, countedAt, now);
            return (
              <span title={counted.map((state) => `${t(`agentState.todayOf.${state}`)} ${formatDuration(times[state] * 1000)}`).join('\n')}>
                {counted.map((state) => formatDuration(times[state] * 1000)).join(' · ')}
              </span>
            );
          },
        },
      ]}
    />
  );
}
