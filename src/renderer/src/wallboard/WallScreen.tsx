import { Box, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../call-screen/use-reference';
import { type MonitorState, riskLists } from '../monitor/monitor-state';
import { nameOf } from '../monitor/names';
import { StaleFigures } from '../monitor/StaleFigures';
import { useMonitor, useMonitorClock } from '../monitor/use-monitor';
import { useAuth } from '../shell/use-auth';
import { WallFigures } from './WallFigures';
import { wallPanels } from './wall-panels';

/**
 * The wall screen of the lead's room: the monitor's live data as large figures and charts fitted
 * to the whole screen (laid out for 1920×1080), with nothing to type into and nothing to click.
 */
export function WallScreen({ hint }: { hint?: string }) {
  const { t } = useTranslation();
  const user = useAuth();
  const isLead = user?.role === 'lead' || user?.role === 'admin';
  const load = useMonitor(isLead);
  return (
    <Box
      data-testid="wallboard"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 150,
        background: 'var(--mantine-color-body)',
        display: 'flex',
        flexDirection: 'column',
      }}
      p="md"
    >
      {!isLead ? (
        <Message>{t('monitor.wall.leadsOnly')}</Message>
      ) : load.state ? (
        <Wall state={load.state} hint={hint} staleSince={load.staleSince} />
      ) : load.error ? (
        <Message>{load.error === 'unavailable' ? t('monitor.offline') : t('monitor.failed', { code: load.error })}</Message>
      ) : (
        <Message>{t('monitor.loading')}</Message>
      )}
    </Box>
  );
}

function Message({ children }: { children: ReactNode }) {
  return (
    <Text fz={40} m="auto" ta="center" data-testid="wallboard-message">
      {children}
    </Text>
  );
}

function Wall({ state, hint, staleSince }: { state: MonitorState; hint?: string; staleSince: string | null }) {
  const { t, i18n } = useTranslation();
  const now = useMonitorClock(state);
  const reference = useReference();
  const name = nameOf(reference, i18n.language === 'zh-CN');
  const risks = riskLists(state, now);
  const columns = Math.min(4, wallPanels.length);
  return (
    <Box style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateRows: 'auto minmax(0, 9fr) minmax(0, 11fr)', gap: 16 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={1} fz={40}>
          {t('monitor.wall.title')}
        </Title>
        <Group gap="xl" wrap="nowrap">
          <StaleFigures since={staleSince} />
          {hint && (
            <Text fz={22} c="dimmed">
              {hint}
            </Text>
          )}
          <Text fz={40} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="wall-clock">
            {now.toLocaleTimeString(i18n.language, { hour12: false })}
          </Text>
        </Group>
      </Group>
      <WallFigures state={state} risks={risks} now={now} />
      <div
        data-testid="wall-panels"
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridAutoRows: 'minmax(0, 1fr)',
          gap: 16,
          minHeight: 0,
        }}
      >
        {wallPanels.map((panel) => (
          <div key={panel.id} style={{ minHeight: 0, minWidth: 0 }}>
            {panel.render({ state, now, name })}
          </div>
        ))}
      </div>
    </Box>
  );
}
