import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateRow } from '../../../shared/server-api/monitor';
import { formatDuration } from '../../../shared/domain/sla';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { CallError } from '../api/client';
import { useReference } from '../call-screen/use-reference';
import { useWorkstation } from '../shell/api-context';
import { useAuth } from '../shell/use-auth';
import { countBy, type Dimension, type MonitorState, queues, riskList } from './monitor-state';
import { useMonitor, useMonitorClock } from './use-monitor';
import { type Column, VirtualTable } from './VirtualTable';

const riskColor = { on_time: 'green', at_risk: 'orange', overdue: 'red' } as const;
const presenceColor = { available: 'green', on_call: 'blue', wrap_up: 'cyan', break: 'gray', disconnected: 'red' } as const;
const nextUrgency = { normal: 'urgent', urgent: 'emergency', emergency: 'emergency' } as const;

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
        <Monitor state={load.state} />
      ) : load.error ? (
        <Alert color="red">{load.error === 'unavailable' ? t('monitor.offline') : t('monitor.failed', { code: load.error })}</Alert>
      ) : (
        <Text c="dimmed">{t('monitor.loading')}</Text>
      )}
    </Stack>
  );
}

function Monitor({ state }: { state: MonitorState }) {
  const { t, i18n } = useTranslation();
  const now = useMonitorClock(state);
  const reference = useReference();
  const zh = i18n.language === 'zh-CN';
  const name = (code: string | null) => {
    if (!code) return '—';
    for (const kind of ['unit', 'district', 'category', 'street'] as const) {
      const item = reference.byKey.get(`${kind}:${code}`);
      if (item) return zh ? item.zh : item.en;
    }
    return code;
  };
  const risks = riskList(state, now);
  const waitingQueues = queues(state);
  const longest = waitingQueues.reduce<string | null>((oldest, q) => (oldest === null || q.oldest < oldest ? q.oldest : oldest), null);
  const agents = [...state.agents.values()];
  const byPresence = (s: string) => agents.filter((a) => a.state === s).length;
  const [acting, setActing] = useState<MonitorTicket | null>(null);
  // Every number leads to what is behind it: the stat cards open their tab.
  const [tab, setTab] = useState<string | null>('risk');

  return (
    <Stack gap="sm">
      <SimpleGrid cols={5}>
        <Stat onOpen={() => setTab('agents')} label={t('monitor.waiting')} value={state.waiting.size} detail={longest ? t('monitor.longestWait', { time: formatDuration(now.getTime() - Date.parse(longest)) }) : ''} testId="stat-waiting" />
        <Stat
          onOpen={() => setTab('agents')}
          label={t('monitor.agentsOnline')}
          value={agents.length - byPresence('disconnected')}
          detail={(['available', 'on_call', 'wrap_up', 'break'] as const).map((s) => `${t(`monitor.presence.${s}`)} ${byPresence(s)}`).join(' · ')}
          testId="stat-agents"
        />
        <Stat onOpen={() => setTab('orders')} label={t('monitor.openTickets')} value={state.tickets.size} testId="stat-open" />
        <Stat onOpen={() => setTab('risk')} label={t('monitor.atRisk')} value={risks.filter((r) => r.state === 'at_risk').length} color="orange" testId="stat-at-risk" />
        <Stat onOpen={() => setTab('risk')} label={t('monitor.overdue')} value={risks.filter((r) => r.state === 'overdue').length} color="red" testId="stat-overdue" />
      </SimpleGrid>
      {waitingQueues.length > 0 && (
        <Group gap="xs" data-testid="queues">
          {waitingQueues.map((q) => (
            <Badge key={q.queue} size="lg" variant="light">
              {t('monitor.queue')} {q.queue}: {q.waiting} · {formatDuration(now.getTime() - Date.parse(q.oldest))}
            </Badge>
          ))}
        </Group>
      )}
      <Recent state={state} name={name} />
      <NoticeForm />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {(['risk', 'orders', 'agents', 'hotspots', 'rates'] as const).map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`monitor-tab-${tab}`}>
              {t(`monitor.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="risk" pt="xs">
          <VirtualTable
            label={t('monitor.tabs.risk')}
            testId="risk-list"
            rows={risks}
            rowKey={(r) => r.ticket.id}
            empty={t('monitor.noRisk')}
            onOpen={(r) => setActing(r.ticket)}
            columns={[
              { key: 'number', header: t('monitor.columns.number'), width: '10rem', render: (r) => r.ticket.number },
              { key: 'category', header: t('monitor.columns.category'), width: '1fr', render: (r) => name(r.ticket.category) },
              { key: 'district', header: t('monitor.columns.district'), width: '7rem', render: (r) => name(r.ticket.districtCode) },
              { key: 'unit', header: t('monitor.columns.unit'), width: '1fr', render: (r) => name(r.ticket.leadUnit) },
              { key: 'stage', header: t('monitor.columns.stage'), width: '5rem', render: (r) => t(`sla.${r.ticket.dueStage ?? 'dispatch'}`) },
              {
                key: 'left',
                header: t('monitor.columns.left'),
                width: '11rem',
                render: (r) => (
                  <Badge color={riskColor[r.state]} variant="filled" data-state={r.state} data-testid={`risk-${r.ticket.number}`}>
                    {t(`sla.${r.state}`)} {formatDuration(r.msLeft)}
                  </Badge>
                ),
              },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="orders" pt="xs">
          <Orders state={state} name={name} onOpen={setActing} />
        </Tabs.Panel>
        <Tabs.Panel value="agents" pt="xs">
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
              { key: 'since', header: t('monitor.columns.since'), width: '7rem', render: (a) => (a.since ? formatDuration(now.getTime() - Date.parse(a.since)) : '—') },
              { key: 'onCall', header: t('monitor.columns.onCall'), width: '7rem', render: (a) => (a.callSince ? formatDuration(now.getTime() - Date.parse(a.callSince)) : '—') },
              { key: 'tickets', header: t('monitor.columns.ticketsToday'), width: '7rem', render: (a) => a.ticketsToday },
              { key: 'calls', header: t('monitor.columns.callsToday'), width: '7rem', render: (a) => a.callsToday },
              { key: 'aht', header: t('monitor.columns.aht'), width: '8rem', render: (a) => (a.ahtSeconds === null ? '—' : formatDuration(a.ahtSeconds * 1000)) },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="hotspots" pt="xs">
          <HotSpots state={state} name={name} />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="xs">
          <Rates name={name} />
        </Tabs.Panel>
      </Tabs>
      <TicketActions ticket={acting} onClose={() => setActing(null)} name={name} />
    </Stack>
  );
}

/** The newest open tickets, as they arrive: the lead's live feed. */
function Recent({ state, name }: { state: MonitorState; name: (code: string | null) => string }) {
  const { t } = useTranslation();
  // Sorted when the tickets change, not on every tick of the clock.
  const newest = useMemo(() => [...state.tickets.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 6), [state.tickets]);
  return (
    <Group gap="xs" data-testid="recent">
      <Text size="sm" fw={600}>
        {t('monitor.recent')}
      </Text>
      {newest.map((ticket) => (
        <Badge key={ticket.id} variant="outline" data-testid={`recent-${ticket.number}`} style={{ textTransform: 'none' }}>
          {ticket.number} {name(ticket.category)}
        </Badge>
      ))}
    </Group>
  );
}

function Stat({ label, value, detail, color, testId, onOpen }: { label: string; value: number; detail?: string; color?: string; testId: string; onOpen: () => void }) {
  return (
    <Paper component="button" type="button" onClick={onOpen} withBorder p="sm" data-testid={testId} style={{ textAlign: 'left', cursor: 'pointer' }}>
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

/** Counts by status, unit and district; Enter (or a click) on a count lists the tickets behind it. */
function Orders({ state, name, onOpen }: { state: MonitorState; name: (code: string | null) => string; onOpen: (ticket: MonitorTicket) => void }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<Dimension>('status');
  const [drill, setDrill] = useState<string | null>(null);
  const label = (key: string) => (dimension === 'status' ? t(`ticket.status.${key as MonitorTicket['status']}`) : key === 'none' ? '—' : name(key));
  const counts = countBy(state, dimension);
  const tickets = useMemo(() => [...state.tickets.values()].filter((ticket) => drill !== null && (ticket[dimension] ?? 'none') === drill), [state, dimension, drill]);
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
          <VirtualTable label={label(drill)} testId="drill" rows={tickets} rowKey={(r) => r.id} empty={t('monitor.noTickets')} onOpen={onOpen} columns={ticketColumns(t, name)} />
        </>
      )}
    </Stack>
  );
}

const ticketColumns = (t: ReturnType<typeof useTranslation>['t'], name: (code: string | null) => string): Column<MonitorTicket>[] => [
  { key: 'number', header: t('monitor.columns.number'), width: '10rem', render: (r) => r.number },
  { key: 'status', header: t('monitor.columns.status'), width: '6rem', render: (r) => t(`ticket.status.${r.status}`) },
  { key: 'category', header: t('monitor.columns.category'), width: '1fr', render: (r) => name(r.category) },
  { key: 'district', header: t('monitor.columns.district'), width: '7rem', render: (r) => name(r.districtCode) },
  { key: 'unit', header: t('monitor.columns.unit'), width: '1fr', render: (r) => name(r.leadUnit) },
];

function HotSpots({ state, name }: { state: MonitorState; name: (code: string | null) => string }) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const [cluster, setCluster] = useState<MonitorState['heat'][number] | null>(null);
  const [title, setTitle] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const peak = Math.max(1, ...state.intakeByHour.map((h) => Math.max(h.today, h.baseline)));
  const link = async (event: FormEvent) => {
    event.preventDefault();
    if (!cluster) return;
    const result = await api.monitor.linkIncident({ title, ticketIds: cluster.ticketIds });
    setDone(t('monitor.linked', { count: result.linked }));
    setCluster(null);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('monitor.intakeByHour')}
      </Text>
      <Group gap={2} align="flex-end" h={90} data-testid="intake-chart" role="img" aria-label={t('monitor.intakeByHour')}>
        {state.intakeByHour.map((h) => (
          <div key={h.hour} title={`${h.hour}:00 · ${h.today} / ${h.baseline.toFixed(1)}`} style={{ width: 18, position: 'relative', height: 90 }}>
            <div style={{ position: 'absolute', bottom: 0, width: 18, height: (90 * h.baseline) / peak, background: 'var(--mantine-color-gray-4)' }} />
            <div style={{ position: 'absolute', bottom: 0, left: 4, width: 10, height: (90 * h.today) / peak, background: 'var(--mantine-primary-color-filled)' }} />
          </div>
        ))}
      </Group>
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
          { key: 'spike', header: t('monitor.columns.spike'), width: '6rem', render: (c) => (c.spike ? <Badge color="red">{t('monitor.spike')}</Badge> : '') },
        ]}
      />
      {state.heat[0] && <Text size="xs" c="dimmed">{t('monitor.linkCluster', { count: state.heat[0].ticketIds.length })}</Text>}
      {done && <Alert color="green">{done}</Alert>}
      <Modal opened={cluster !== null} onClose={() => setCluster(null)} title={t('monitor.linkIncident')}>
        <form onSubmit={(event) => void link(event)}>
          <Stack>
            <Text size="sm" data-testid="cluster-tickets">
              {cluster?.ticketIds.map((id) => state.tickets.get(id)?.number ?? id.slice(0, 8)).join('、')}
            </Text>
            <TextInput label={t('monitor.incidentTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus required maxLength={200} />
            <Button type="submit">{t('monitor.linkIncident')}</Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

const periods = { today: 0, week: 7, month: 30 } as const;
const periodNames = ['today', 'week', 'month'] as const satisfies readonly (keyof typeof periods)[];

function Rates({ name }: { name: (code: string | null) => string }) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const [period, setPeriod] = useState<keyof typeof periods>('week');
  const [by, setBy] = useState<'unit' | 'district'>('unit');
  const [rows, setRows] = useState<RateRow[] | null>(null);
  const range = () => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    start.setDate(start.getDate() - periods[period]);
    return { from: start.toISOString(), to: new Date(Date.now() + 60_000).toISOString(), by };
  };
  const show = () => void api.monitor.rates(range()).then((r) => setRows(r.rows), () => setRows([]));
  const exportCsv = async () => {
    const { filename, csv } = await api.monitor.ratesCsv(range());
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const anchor = Object.assign(document.createElement('a'), { href: url, download: filename });
    anchor.click();
    URL.revokeObjectURL(url);
  };
  const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  return (
    <Stack gap="xs">
      <Group>
        <SegmentedControl value={period} onChange={setPeriod} data={periodNames.map((p) => ({ value: p, label: t(`monitor.period.${p}`) }))} />
        <SegmentedControl value={by} onChange={(v) => setBy(v as 'unit' | 'district')} data={(['unit', 'district'] as const).map((b) => ({ value: b, label: t(`monitor.rateBy.${b}`) }))} />
        <Button onClick={show} data-testid="rates-show">
          {t('monitor.tabs.rates')}
        </Button>
        <Button variant="light" onClick={() => void exportCsv()} data-testid="rates-export">
          {t('monitor.exportCsv')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="rates-definitions">
        {t('monitor.definitions')}
      </Text>
      {rows && (
        <Table striped data-testid="rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitor.rates.key')}</Table.Th>
              <Table.Th>{t('monitor.rates.response')}</Table.Th>
              <Table.Th>{t('monitor.rates.resolution')}</Table.Th>
              <Table.Th>{t('monitor.rates.satisfaction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{name(r.key)}</Table.Td>
                <Table.Td>
                  {pct(r.responseRate)} ({r.accepted}/{r.dispatched})
                </Table.Td>
                <Table.Td>
                  {pct(r.resolutionRate)} ({r.resolved}/{r.reportedBack})
                </Table.Td>
                <Table.Td>
                  {pct(r.satisfactionRate)} ({r.satisfied}/{r.callbacks})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function NoticeForm() {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    await api.monitor.notice({ text });
    setText('');
    setSent(true);
  };
  return (
    <form onSubmit={(event) => void send(event)}>
      <Group gap="xs" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('monitor.notice')}
          placeholder={t('monitor.noticePlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setSent(false);
          }}
          maxLength={200}
          data-testid="notice-text"
        />
        <Button type="submit" disabled={text.trim() === ''}>
          {t('monitor.notice')}
        </Button>
        {sent && <Text size="sm" c="green">{t('monitor.noticeSent')}</Text>}
      </Group>
    </form>
  );
}

/** Reassign (改派) before the unit accepts, or raise the urgency: both are ordinary ticket events. */
function TicketActions({ ticket, onClose, name }: { ticket: MonitorTicket | null; onClose: () => void; name: (code: string | null) => string }) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const reference = useReference();
  const [unit, setUnit] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const report = (failure: unknown) => setMessage({ ok: false, text: failure instanceof CallError ? failure.message : String(failure) });
  const reassign = () => {
    if (!ticket || !unit) return;
    api.tickets.dispatch({ id: ticket.id, unitCodes: [unit], leadUnitCode: unit, reassign: ticket.status === 'dispatched' }).then(() => setMessage({ ok: true, text: t('monitor.reassignDone') }), report);
  };
  const escalate = () => {
    if (!ticket) return;
    const urgency = nextUrgency[ticket.urgency];
    api.tickets.update({ id: ticket.id, changes: { urgency } }).then(() => setMessage({ ok: true, text: t('monitor.escalated', { urgency: t(`intake.urgencies.${urgency}`) }) }), report);
  };
  return (
    <Modal
      opened={ticket !== null}
      onClose={() => {
        setMessage(null);
        onClose();
      }}
      title={ticket ? t('monitor.actions', { number: ticket.number }) : ''}
    >
      {ticket && (
        <Stack>
          <Text size="sm">
            {name(ticket.category)} · {name(ticket.districtCode)} · {name(ticket.leadUnit)}
          </Text>
          <Group align="flex-end">
            <Select
              style={{ flex: 1 }}
              label={t('monitor.reassign')}
              searchable
              data-autofocus
              value={unit}
              onChange={setUnit}
              data={reference.units.map((u) => ({ value: u.code, label: u.zh }))}
            />
            <Button onClick={reassign} disabled={!unit}>
              {t('monitor.reassign')}
            </Button>
          </Group>
          <Button variant="light" color="orange" onClick={escalate} disabled={ticket.urgency === 'emergency'}>
            {t('monitor.escalate')}
          </Button>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        </Stack>
      )}
    </Modal>
  );
}
