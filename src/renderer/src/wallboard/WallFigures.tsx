import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonitorState, RiskLists } from '../monitor/monitor-state';

const presences = ['available', 'on_call', 'wrap_up', 'break'] as const;

/** A wait as m:ss (h:mm:ss past an hour): the same in every language, and exact to the second. */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(seconds % 60)}` : `${m}:${two(seconds % 60)}`;
}

/** The figures a lead reads from across the room: calls, agents and open work, each as large as its tile allows. */
export function WallFigures({ state, risks, now }: { state: MonitorState; risks: RiskLists; now: Date }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  let oldest: number | null = null;
  for (const call of state.waiting.values()) {
    const started = Date.parse(call.startedAt);
    if (oldest === null || started < oldest) oldest = started;
  }
  const agents = [...state.agents.values()];
  const online = agents.filter((a) => a.state !== 'disconnected').length;
  const today = state.intakeByHour.reduce((sum, h) => sum + h.today, 0);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gridTemplateRows: '1fr 1fr', gap: 16, minHeight: 0 }}>
      <Figure
        label={t('monitor.wall.waiting')}
        value={number(state.waiting.size)}
        color={state.waiting.size > 0 ? 'orange' : undefined}
        testId="wall-waiting"
      />
      <Figure
        label={t('monitor.wall.longestWait')}
        value={oldest === null ? '0:00' : formatWait(now.getTime() - oldest)}
        testId="wall-longest-wait"
      />
      <Figure label={t('monitor.wall.today')} value={number(today)} testId="wall-today" />
      <Figure label={t('monitor.wall.openTickets')} value={number(state.tickets.size)} testId="wall-open" />
      <Figure label={t('monitor.wall.atRisk')} value={number(risks.atRisk.length)} color="orange" testId="wall-at-risk" />
      <Figure label={t('monitor.wall.overdue')} value={number(risks.overdue.length)} color="red" testId="wall-overdue" />
      <Paper withBorder p="md" style={{ gridColumn: 'span 2' }} data-testid="wall-agents">
        <Stack gap={0} h="100%" justify="space-between">
          <Text fz={28} lh={1.2} c="dimmed">
            {t('monitor.wall.agents')} <b data-testid="wall-agents-online">{number(online)}</b>
          </Text>
          <Group grow gap="md" wrap="nowrap">
            {presences.map((presence) => (
              <Stack key={presence} gap={0} align="flex-start">
                <Text fz={88} fw={700} lh={1} data-testid={`wall-agents-${presence}`}>
                  {number(agents.filter((a) => a.state === presence).length)}
                </Text>
                <Text fz={26} lh={1.2}>
                  {t(`monitor.presence.${presence}`)}
                </Text>
              </Stack>
            ))}
          </Group>
        </Stack>
      </Paper>
    </div>
  );
}

function Figure({ label, value, color, testId }: { label: string; value: string; color?: string; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap={0} h="100%" justify="space-between">
        <Text fz={28} lh={1.2} c="dimmed">
          {label}
        </Text>
        <Text fz={104} fw={700} lh={1} c={color} data-testid={`${testId}-value`} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
      </Stack>
    </Paper>
  );
}
