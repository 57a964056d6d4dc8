import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { useReference } from '../call-screen/use-reference';
import { useAuth } from '../shell/use-auth';
import { useOpenTicket } from '../ticket/open-ticket';
import { AgentsTable } from './AgentsTable';
import { CallsPanel } from './CallsPanel';
import { HotSpots } from './HotSpots';
import { MonitorCharts } from './charts/MonitorCharts';
import { type MonitorState, riskLists } from './monitor-state';
import { nameOf } from './names';
import { NoticeForm } from './NoticeForm';
import { Orders } from './Orders';
import { RaisedHands } from './RaisedHands';
import { RatesTable } from './RatesTable';
import { RecentTickets } from './RecentTickets';
import { RiskList } from './RiskList';
import { StaleFigures } from './StaleFigures';
import { type MonitorTab, StatCards } from './StatCards';
import { TicketActions } from './TicketActions';
import { useCallFigures } from './use-call-figures';
import { useMonitor, useMonitorClock } from './use-monitor';

const tabs: readonly MonitorTab[] = ['risk', 'overdue', 'orders', 'agents', 'hotspots', 'rates', 'calls'];

/** The team lead's monitor; agents see why it is not for them, and the server refuses them anyway. */
export function MonitorPane() {
  const { t } = useTranslation();
  const user = useAuth();
  const isLead = user?.role === 'lead' || user?.role === 'admin';
  const load = useMonitor(isLead);
  return (
    <Stack data-testid="pane-monitor" gap="sm">
      <Title order={2}>{t('panes.monitor.title')}</Title>
      {!isLead ? (
        <Alert color="gray" data-testid="monitor-leads-only">
          {t('monitor.leadsOnly')}
        </Alert>
      ) : load.state ? (
        <>
          <StaleFigures since={load.staleSince} />
          <Monitor state={load.state} />
        </>
      ) : load.error ? (
        <Alert color="red">{load.error === 'unavailable' ? t('monitor.offline') : t('monitor.failed', { code: load.error })}</Alert>
      ) : (
        <Text c="dimmed">{t('monitor.loading')}</Text>
      )}
    </Stack>
  );
}

/** The panels of the monitor, each in its own file; the figures on top open their tab. */
function Monitor({ state }: { state: MonitorState }) {
  const { t, i18n } = useTranslation();
  const now = useMonitorClock(state);
  const calls = useCallFigures(true, state.waiting);
  const reference = useReference();
  const name = nameOf(reference, i18n.language === 'zh-CN');
  const risks = riskLists(state, now);
  const [riskFilter, setRiskFilter] = useState('');
  const [acting, setActing] = useState<MonitorTicket | null>(null);
  const [tab, setTab] = useState<string | null>('risk');
  // Enter on a ticket opens the one ticket view (the lead's reassign and escalate are there too);
  // the monitor on its own (the wall screen) keeps the lead's dialog.
  const openTicket = useOpenTicket();
  const open = (ticket: MonitorTicket) => (openTicket ? openTicket(ticket.id) : setActing(ticket));

  return (
    <Stack gap="sm">
      <RaisedHands state={state} now={now} />
      <StatCards state={state} risks={risks} now={now} calls={calls} onOpen={setTab} />
      <MonitorCharts state={state} now={now} name={name} />
      <RecentTickets state={state} name={name} onOpen={open} />
      <NoticeForm />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`monitor-tab-${tab}`}>
              {tab === 'risk' || tab === 'overdue'
                ? t('monitor.tabCount', { tab: t(`monitor.tabs.${tab}`), count: (tab === 'risk' ? risks.atRisk : risks.overdue).length })
                : tab === 'calls'
                  ? t('monitor.callFigures.tab')
                  : t(`monitor.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="risk" pt="xs">
          <RiskList rows={risks.atRisk} kind="risk" filter={riskFilter} onFilter={setRiskFilter} name={name} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="xs">
          <RiskList rows={risks.overdue} kind="overdue" filter={riskFilter} onFilter={setRiskFilter} name={name} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="orders" pt="xs">
          <Orders state={state} name={name} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="agents" pt="xs">
          <AgentsTable agents={[...state.agents.values()]} now={now} countedAt={state.countedAt} />
        </Tabs.Panel>
        <Tabs.Panel value="hotspots" pt="xs">
          <HotSpots state={state} name={name} />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="xs">
          <RatesTable name={name} />
        </Tabs.Panel>
        <Tabs.Panel value="calls" pt="xs">
          <CallsPanel calls={calls} state={state} />
        </Tabs.Panel>
      </Tabs>
      <TicketActions ticket={acting} onClose={() => setActing(null)} name={name} />
    </Stack>
  );
}
