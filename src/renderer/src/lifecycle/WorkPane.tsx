import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { type KeyboardEvent, memo, type Ref, useCallback, useEffect, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteProposalView, TicketSummary, TimelineEntry } from '../../../shared/contract/tickets';
import type { Ticket } from '../../../shared/domain/ticket';
import { callErrorText, useCall } from '../api/use-call';
import { RefSelect } from '../call-screen/RefSelect';
import { ticketNumber } from '../call-screen/TicketList';
import { refName, useReference } from '../call-screen/use-reference';
import { formatHotkey, hotkeyOf } from '../shell/actions';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { DeadlineBadge } from './DeadlineBadge';
import { Timeline } from './Timeline';

export interface WorkHandle {
  /** Alt+Enter: the selected ticket's next step (dispatch, record the callback, approve the extension). */
  confirm(): void;
  /** Opens a ticket (e.g. the one just registered at intake) and puts the cursor in the pane. */
  open(ticketId: string | null): void;
}

const lists = ['undispatched', 'returned', 'callback', 'extension'] as const;
type ListKind = (typeof lists)[number];
type Detail = { ticket: Ticket; deadline: TicketSummary['deadline']; entries: TimelineEntry[] };

/**
 * The hotline's side of every work order after intake: what waits for dispatch (with the rule
 * matrix's proposal and its reason), what units returned, which callbacks are due and which
 * extension requests wait — each ticket with its deadline and timeline. Alt+Enter takes the next step.
 */
export const WorkPane = memo(function WorkPane({ handleRef }: { handleRef: Ref<WorkHandle> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const reference = useReference();
  const [kind, setKind] = useState<ListKind>('undispatched');
  const [rows, setRows] = useState<TicketSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [proposal, setProposal] = useState<RouteProposalView | null>(null);
  // The error itself, not its text: a language switch translates it again.
  const [proposalError, setProposalError] = useState<unknown>(null);
  const [units, setUnits] = useState<string[]>([]);
  const [lead, setLead] = useState<string>('');
  const [satisfaction, setSatisfaction] = useState<'satisfied' | 'basically_satisfied' | 'unsatisfied'>('satisfied');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (link !== 'open') return;
    const load = () => api.tickets.worklist({ kind, limit: 100 }).then(setRows, () => setRows([]));
    void load();
    return on.tickets.changed(() => void load());
  }, [api, on, link, kind]);

  useEffect(() => {
    if (!selected || link !== 'open') return;
    const load = () => api.tickets.timeline({ id: selected }).then(setDetail, () => setDetail(null));
    void load();
    return on.tickets.changed(({ ids }) => ids.includes(selected) && void load());
  }, [api, on, link, selected]);

  // A ticket waiting for dispatch gets the rule matrix's proposal as its starting point.
  const status = detail?.ticket.status;
  const category = detail?.ticket.fields.category;
  useEffect(() => {
    if (!selected || (status !== 'registered' && status !== 'returned')) return;
    api.tickets.proposeRoute({ id: selected }).then(
      (p) => {
        setProposal(p);
        setProposalError(null);
        setUnits([p.unitCode]);
        setLead(p.unitCode);
      },
      (error: unknown) => {
        setProposal(null);
        setProposalError(error);
      },
    );
  }, [api, selected, status, category]);

  const select = useCallback((id: string | null) => {
    setSelected(id);
    setDetail(null);
    setProposal(null);
    setProposalError(null);
    setUnits([]);
    setLead('');
    setNote('');
    setSatisfaction('satisfied');
  }, []);

  const call = useCall();
  const run = (
    action: () => Promise<Ticket>,
    done:
      | 'work.dispatched'
      | 'work.callbackRecorded'
      | 'work.extensionApproved'
      | 'work.extensionRefused'
      | 'work.recategorised'
      | 'work.merged',
  ) =>
    call(action, { failure: 'workStep', detail: true, done: (ticket) => t(done, { number: ticket.officialNo ?? ticket.provisionalNo }) });

  const ticket = detail?.ticket;
  const confirm = () => {
    if (!ticket) return;
    if ((ticket.status === 'registered' || ticket.status === 'returned') && units.length > 0) {
      void run(
        () => api.tickets.dispatch({ id: ticket.id, unitCodes: units, leadUnitCode: units.includes(lead) ? lead : units[0]! }),
        'work.dispatched',
      );
    } else if (ticket.status === 'feedback') {
      void run(
        () => api.tickets.recordCallback({ id: ticket.id, satisfaction, ...(note.trim() ? { note: note.trim() } : {}) }),
        'work.callbackRecorded',
      );
    } else if (ticket.extensionRequest) {
      void run(() => api.tickets.decideExtension({ id: ticket.id, approved: true }), 'work.extensionApproved');
    }
  };

  useImperativeHandle(handleRef, () => ({
    confirm,
    open: (id) => {
      if (id) {
        setKind('undispatched');
        select(id);
      }
      // The cursor goes to the opened ticket's row, or to the list; focusing never changes the selection.
      setTimeout(() => {
        const list = document.getElementById('work-list');
        (list?.querySelector<HTMLElement>('[aria-selected="true"]') ?? list)?.focus();
      }, 0);
    },
  }));

  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((r) => r.id === selected);
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      select(next.id);
      document.getElementById(`work-row-${next.id}`)?.focus();
    }
  };

  const confirmHint = <Kbd size="xs">{formatHotkey(hotkeyOf('confirmStep'))}</Kbd>;
  const reason =
    ticket && proposal
      ? `${refName(reference, 'district', ticket.fields.districtCode, locale) || '—'} / ${refName(reference, 'street', ticket.fields.streetCode, locale) || '—'} + ${refName(reference, 'category', ticket.fields.category, locale) || t('work.noCategory')} → ${locale === 'en' ? proposal.name.en : proposal.name.zh}（${t(`work.why.${proposal.why}`)}${proposal.rule ? `，${t('work.rule')} ${proposal.rule}` : ''}）`
      : '';

  return (
    <Grid data-testid="pane-routing">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('panes.routing.title')}
          </Title>
          <SegmentedControl
            fullWidth
            size="xs"
            value={kind}
            onChange={(v) => {
              setKind(v);
              select(null);
            }}
            data={lists.map((k) => ({ value: k, label: t(`work.lists.${k}`) }))}
            mb="sm"
          />
          <Stack
            gap={2}
            id="work-list"
            tabIndex={-1}
            role="listbox"
            aria-label={t(`work.lists.${kind}`)}
            onKeyDown={onListKey}
            data-testid="work-list"
          >
            {rows.length === 0 && (
              <Text c="dimmed" size="sm">
                {t('work.empty')}
              </Text>
            )}
            {rows.map((row) => (
              <UnstyledButton
                key={row.id}
                id={`work-row-${row.id}`}
                role="option"
                aria-selected={row.id === selected}
                onClick={() => select(row.id)}
                p={6}
                data-testid="work-row"
                style={{ borderRadius: 4, background: row.id === selected ? 'var(--mantine-primary-color-light)' : undefined }}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" ff="monospace">
                    {ticketNumber(row)}
                  </Text>
                  <DeadlineBadge deadline={row.deadline} />
                </Group>
                <Text size="xs" lineClamp={1}>
                  {row.description}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {ticket && detail ? (
          <Paper withBorder p="md" data-testid="work-detail">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" ff="monospace">
                {ticketNumber(ticket)}
              </Title>
              <Group gap="xs">
                <Badge data-testid="work-status">{t(`ticket.status.${ticket.status}`)}</Badge>
                <DeadlineBadge deadline={detail.deadline} />
              </Group>
            </Group>
            <Text size="sm" mb="sm">
              {ticket.fields.description}
            </Text>
            {(ticket.status === 'registered' || ticket.status === 'returned') && (
              <Stack gap="xs" mb="md" data-testid="routing-form">
                {ticket.returnReason && <Alert color="red">{t('work.returnedBecause', { reason: ticket.returnReason })}</Alert>}
                <RefSelect
                  id="work-category"
                  label={t('intake.category')}
                  items={reference.categories}
                  value={ticket.fields.category ?? ''}
                  onChange={(code) =>
                    code &&
                    code !== ticket.fields.category &&
                    void run(() => api.tickets.update({ id: ticket.id, changes: { category: code } }), 'work.recategorised')
                  }
                  testId="work-category"
                />
                {proposalError !== null ? (
                  <Alert color="orange">{callErrorText(t, proposalError, true)}</Alert>
                ) : (
                  <Text size="sm" data-testid="route-reason">
                    {reason}
                  </Text>
                )}
                <Group gap="xs">
                  {units.map((code) => (
                    <Badge key={code} variant={code === lead ? 'filled' : 'light'} data-testid="dispatch-unit">
                      {code === lead ? `${t('work.lead')} · ` : ''}
                      {refName(reference, 'unit', code, locale)}
                    </Badge>
                  ))}
                </Group>
                <RefSelect
                  id="work-add-unit"
                  label={t('work.addUnit')}
                  items={reference.units}
                  value=""
                  onChange={(code) => code && !units.includes(code) && setUnits([...units, code])}
                  testId="work-add-unit"
                />
                {units.length > 1 && (
                  <SegmentedControl
                    size="xs"
                    value={lead}
                    onChange={setLead}
                    data={units.map((code) => ({ value: code, label: refName(reference, 'unit', code, locale) }))}
                    aria-label={t('work.lead')}
                  />
                )}
                <Group>
                  <Button onClick={confirm} disabled={units.length === 0} rightSection={confirmHint} data-testid="dispatch">
                    {t('work.dispatch')}
                  </Button>
                  {units.length > 1 && (
                    <Button variant="subtle" onClick={() => setUnits(units.slice(0, 1))}>
                      {t('work.resetUnits')}
                    </Button>
                  )}
                </Group>
              </Stack>
            )}
            {ticket.status === 'feedback' && (
              <Stack gap="xs" mb="md" data-testid="callback-form">
                <Text size="sm">
                  {t('work.unitReported', {
                    unit: refName(reference, 'unit', ticket.feedback?.unitCode, locale),
                    summary: ticket.feedback?.summary ?? '',
                  })}
                </Text>
                <SegmentedControl
                  value={satisfaction}
                  onChange={(v) => setSatisfaction(v as typeof satisfaction)}
                  data={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((s) => ({
                    value: s,
                    label: t(`callback.${s}`),
                  }))}
                  aria-label={t('work.satisfaction')}
                  data-testid="satisfaction"
                />
                <TextInput label={t('work.callbackNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-free-text />
                <Button onClick={confirm} rightSection={confirmHint} data-testid="record-callback">
                  {t('work.recordCallback')}
                </Button>
              </Stack>
            )}
            {ticket.extensionRequest && ticket.status !== 'feedback' && (
              <Stack gap="xs" mb="md" data-testid="extension-form">
                <Text size="sm">
                  {t('work.extensionAsked', { hours: ticket.extensionRequest.hours, reason: ticket.extensionRequest.reason })}
                </Text>
                <Group>
                  <Button onClick={confirm} rightSection={confirmHint}>
                    {t('work.approve')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => void run(() => api.tickets.decideExtension({ id: ticket.id, approved: false }), 'work.extensionRefused')}
                  >
                    {t('work.refuse')}
                  </Button>
                </Group>
              </Stack>
            )}
            {ticket.duplicateOf && ticket.status !== 'closed' && (
              <Group mb="md">
                <Button
                  variant="light"
                  color="grape"
                  data-testid="merge"
                  onClick={() => void run(() => api.tickets.merge({ id: ticket.id }), 'work.merged')}
                >
                  {t('work.merge')}
                </Button>
              </Group>
            )}
            <Title order={4} size="h6" mb="xs">
              {t('work.timeline')}
            </Title>
            <Timeline entries={detail.entries} reference={reference} />
          </Paper>
        ) : (
          <Paper withBorder p="md">
            <Text c="dimmed">{t('work.pick')}</Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
});
