import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerHistory } from '../../../shared/contract/callers';
import type { LoggedCall } from '../../../shared/contract/calls';
import { formatPhone } from '../../../shared/domain/phone';
import { useOpenTicket } from '../ticket/open-ticket';
import { TicketList } from './TicketList';
import type { Reference } from './use-reference';

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

/** Who is calling, how long we have talked, and everything they called about before. */
export function CallerPanel({
  call,
  history,
  reference,
}: {
  call: LoggedCall | null;
  history: CallerHistory | null;
  reference: Reference;
}) {
  const { t } = useTranslation();
  const live = call && call.state !== 'ended' ? call : null;
  const seconds = useSecondsSince(live?.state === 'answered' ? live.answeredAt : null);
  const openTicket = useOpenTicket();
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
          {history.tickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('caller.noHistory')}
            </Text>
          ) : (
            <TicketList tickets={history.tickets} reference={reference} testId="caller-history" onOpen={openTicket ?? undefined} />
          )}
        </Stack>
      )}
    </Paper>
  );
}
