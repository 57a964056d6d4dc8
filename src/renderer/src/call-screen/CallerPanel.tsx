import { Alert, Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerHistory } from '../../../shared/contract/callers';
import type { LoggedCall } from '../../../shared/contract/calls';
import { formatPhone } from '../../../shared/domain/phone';
import { HotkeyHint } from './HotkeyHint';
import { useOpenTicket } from '../ticket/open-ticket';
import { TicketList } from './TicketList';
import { type Reference, refName } from './use-reference';

function useSecondsSince(iso: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / 1000)) : 0;
}

const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

export interface CallerPanelProps {
  call: LoggedCall | null;
  history: CallerHistory | null;
  reference: Reference;
  /** The caller's last name and address would fill empty fields of the form (Alt+A). */
  offerable: boolean;
  /** The ended call waiting for its wrap-up code (Alt+U), with the proposed code's name. */
  wrapUpDue: { number: string; proposed: string | null } | null;
  /** The code the call on screen was summed up with. */
  wrappedUpAs: string | null;
  /** A history row was clicked: the ticket view's to open. */
  onOpen?: (ticketId: string) => void;
}

/**
 * Who is calling, how long we have talked, and everything they called about before. Drawn apart
 * from the form (memo): typing in the form does not redraw a 30-row history, and the call clock
 * ticking each second does not redraw the form.
 */
export const CallerPanel = memo(function CallerPanel({
  call,
  history,
  reference,
  offerable,
  wrapUpDue,
  wrappedUpAs,
  onOpen,
}: CallerPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const live = call && call.state !== 'ended' ? call : null;
  const seconds = useSecondsSince(live?.state === 'answered' ? live.answeredAt : null);
  const tickets = useMemo(() => [...(history?.tickets ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [history]);
  const details = history?.details;
  const offer = details
    ? [
        details.callerName,
        refName(reference, 'district', details.districtCode, locale),
        refName(reference, 'street', details.streetCode, locale),
        details.addressDetail,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  // A row opens the one ticket view; a parent may open it its own way.
  const ticketView = useOpenTicket();
  const openTicket = onOpen ?? ticketView;
  return (
    <Paper withBorder p="sm" data-testid="caller-panel" aria-live="polite">
      <Title order={3} size="h5" mb="xs">
        {t('caller.title')}
      </Title>
      {live && (
        <Group gap="xs" mb="xs" data-testid="current-call">
          <Badge color={live.state === 'ringing' ? 'red' : 'green'}>
            {live.state === 'ringing' ? t('caller.ringing') : t('caller.onCall')}
          </Badge>
          <Text fw={600} ff="monospace">
            {live.phoneKey ? formatPhone(live.phoneKey) : live.from}
          </Text>
          {live.state === 'answered' && <Text c="dimmed">{clock(seconds)}</Text>}
        </Group>
      )}
      {/* The next call ringing takes the panel; the ended one can still be summed up (Alt+U). */}
      {wrapUpDue && !live && (
        <Alert color="orange" p="xs" mb="xs" data-testid="wrap-up-due">
          <Group gap="xs">
            <Text size="sm">{`${t('caller.wrapUpDue')} (${wrapUpDue.number})`}</Text>
            {wrapUpDue.proposed && (
              <Text size="sm" fw={600}>
                {t('caller.wrapUpProposed', { name: wrapUpDue.proposed })}
              </Text>
            )}
            <HotkeyHint id="wrapUp" />
          </Group>
        </Alert>
      )}
      {!wrapUpDue && !live && wrappedUpAs && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="wrapped-up">
          {t('caller.wrapUpDone', { name: wrappedUpAs })}
        </Text>
      )}
      {!history ? (
        <Text c="dimmed" size="sm">
          {t('caller.noCaller')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600} ff="monospace">
              {formatPhone(history.phoneKey)}
            </Text>
            {history.repeatCaller && (
              <Badge color="red" variant="filled" data-testid="repeat-caller">
                {t('caller.repeat')}
              </Badge>
            )}
            <Text size="sm" c="dimmed" data-testid="history-summary">
              {t('caller.history', { total: history.total, open: history.open })}
            </Text>
          </Group>
          {offer && offerable && (
            <Group gap="xs" data-testid="caller-offer">
              <Text size="sm">{t('caller.offer', { details: offer })}</Text>
              <HotkeyHint id="takeCallerDetails" />
              <Text size="xs" c="dimmed">
                {t('caller.offerTake')}
              </Text>
            </Group>
          )}
          {tickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('caller.noHistory')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
              <TicketList tickets={tickets} reference={reference} testId="caller-history" {...(openTicket ? { onOpen: openTicket } : {})} />
            </ScrollArea.Autosize>
          )}
        </Stack>
      )}
    </Paper>
  );
});
