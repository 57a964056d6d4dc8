import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatWait } from '../../../shared/domain/call-figures';
import type { CallFiguresResponse } from '../../../shared/server-api/call-figures';
import { formatSeconds, formatShare } from './charts';
import { type MonitorState, queues, type RiskLists } from './monitor-state';
import { useQueueName } from './use-queue-name';

export type MonitorTab = 'risk' | 'overdue' | 'orders' | 'agents' | 'hotspots' | 'rates' | 'calls';

/** How long since `since`, to the second: the screen redraws every second while callers wait. */
const waitedSince = (since: string, now: Date) => formatWait((now.getTime() - Date.parse(since)) / 1000);

/**
 * The figures on top (waiting, abandoned and service level today, agents online, open, at risk,
 * overdue) and the queues with callers waiting. Every number leads to what is behind it: a card
 * opens its tab.
 */
export function StatCards({
  state,
  risks,
  now,
  calls,
  onOpen,
}: {
  state: MonitorState;
  risks: RiskLists;
  now: Date;
  /** Today's call figures; null until the server has answered. */
  calls: CallFiguresResponse | null;
  onOpen: (tab: MonitorTab) => void;
}) {
  const { t } = useTranslation();
  const queueName = useQueueName();
  const waitingQueues = queues(state);
  const longest = waitingQueues.reduce<string | null>((oldest, q) => (oldest === null || q.oldest < oldest ? q.oldest : oldest), null);
  const agents = [...state.agents.values()];
  const byPresence = (s: string) => agents.filter((a) => a.state === s).length;
  return (
    <>
      <SimpleGrid cols={{ base: 4, lg: 7 }}>
        <Stat
          onOpen={() => onOpen('calls')}
          label={t('monitor.waiting')}
          value={state.waiting.size}
          detail={longest ? t('monitor.longestWait', { time: waitedSince(longest, now) }) : ''}
          testId="stat-waiting"
        />
        <Stat
          onOpen={() => onOpen('calls')}
          label={t('monitor.callFigures.abandoned')}
          value={calls ? calls.total.abandoned : '—'}
          detail={
            calls
              ? t('monitor.callFigures.abandonedDetail', { rate: formatShare(calls.total.abandonRate), offered: calls.total.offered })
              : ''
          }
          color="red"
          testId="stat-abandoned"
        />
        <Stat
          onOpen={() => onOpen('calls')}
          label={t('monitor.callFigures.serviceLevel')}
          value={calls ? formatShare(calls.total.serviceLevel) : '—'}
          detail={
            calls
              ? t('monitor.callFigures.serviceLevelDetail', {
                  seconds: calls.thresholdSeconds,
                  within: calls.total.answeredInThreshold,
                  asa: formatSeconds(calls.total.asaSeconds),
                })
              : ''
          }
          testId="stat-service-level"
        />
        <Stat
          onOpen={() => onOpen('agents')}
          label={t('monitor.agentsOnline')}
          value={agents.length - byPresence('disconnected')}
          detail={(['available', 'on_call', 'wrap_up', 'break'] as const)
            .map((s) => `${t(`monitor.presence.${s}`)} ${byPresence(s)}`)
            .join(' · ')}
          testId="stat-agents"
        />
        <Stat onOpen={() => onOpen('orders')} label={t('monitor.openTickets')} value={state.tickets.size} testId="stat-open" />
        <Stat onOpen={() => onOpen('risk')} label={t('monitor.atRisk')} value={risks.atRisk.length} color="orange" testId="stat-at-risk" />
        <Stat
          onOpen={() => onOpen('overdue')}
          label={t('monitor.overdue')}
          value={risks.overdue.length}
          color="red"
          testId="stat-overdue"
        />
      </SimpleGrid>
      {waitingQueues.length > 0 && (
        <Group gap="xs" data-testid="queues">
          {waitingQueues.map((q) => (
            <Badge key={q.queue} size="lg" variant="light" tt="none">
              {t('monitor.queue')} {queueName(q.queue)}: {q.waiting} · {waitedSince(q.oldest, now)}
            </Badge>
          ))}
        </Group>
      )}
    </>
  );
}

function Stat({
  label,
  value,
  detail,
  color,
  testId,
  onOpen,
}: {
  label: string;
  value: number | string;
  detail?: string;
  color?: string;
  testId: string;
  onOpen: () => void;
}) {
  return (
    <Paper
      component="button"
      type="button"
      onClick={onOpen}
      withBorder
      p="sm"
      data-testid={testId}
      style={{ textAlign: 'left', cursor: 'pointer' }}
    >
      {/* Spans, not paragraphs: the card is a button, which holds phrasing content only. */}
      <Text component="span" display="block" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="span" display="block" size="xl" fw={700} c={color} data-testid={`${testId}-value`}>
        {value.toLocaleString()}
      </Text>
      {detail && (
        <Text component="span" display="block" size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}
