import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { memo, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedCall } from '../../../shared/contract/calls';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { formatPhone } from '../../../shared/domain/phone';
import { useReference } from '../call-screen/use-reference';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useOpenTicket } from '../ticket/open-ticket';
import { TicketTable } from './TicketTable';

/** Search results come a page at a time, up to what one search may return. */
const pageSize = 50;
const maxResults = 200;

/**
 * Search over every cached ticket (offline too; one Chinese character is enough) and this
 * workstation's caller log, where a missed call is one Enter away from a callback intake.
 */
export const HistoryPane = memo(function HistoryPane({
  searchRef,
  onCallBack,
}: {
  searchRef: Ref<HTMLInputElement>;
  onCallBack: (phone: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const reference = useReference();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TicketSummary[] | null>(null);
  const [limit, setLimit] = useState(pageSize);
  const openTicket = useOpenTicket();
  const [calls, setCalls] = useState<LoggedCall[]>([]);

  useEffect(() => {
    if (link !== 'open') return;
    const run = () => {
      if (query.trim() === '') return setResults(null);
      // One more than shown, to know whether more match.
      api.tickets.search({ query, limit: Math.min(limit + 1, maxResults) }).then(setResults, () => setResults([]));
    };
    const timer = setTimeout(run, 120);
    const off = on.tickets.changed(run);
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api, on, link, query, limit]);

  useEffect(() => {
    if (link !== 'open') return;
    const load = () => api.calls.recent({ limit: 30 }).then(setCalls, () => {});
    void load();
    return on.calls.changed(() => void load());
  }, [api, on, link]);

  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

  return (
    <Stack data-testid="pane-history">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('panes.history.title')}
        </Title>
        <TextInput
          ref={searchRef}
          aria-label={t('history.search')}
          placeholder={t('history.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setLimit(pageSize);
          }}
          data-testid="ticket-search"
        />
        {results && (
          <Stack gap="xs" mt="sm">
            <Text size="sm" c="dimmed" data-testid="search-count">
              {results.length === 0
                ? t('history.noResults')
                : results.length > limit
                  ? t('ticketTable.shownOfMore', { count: limit })
                  : t('ticketTable.shown', { count: results.length })}
            </Text>
            {results.length > 0 && (
              <TicketTable
                tickets={results.slice(0, limit)}
                reference={reference}
                testId="search-results"
                onOpen={(id) => openTicket?.(id)}
              />
            )}
            {results.length > limit && limit < maxResults && (
              <Button variant="subtle" size="compact-sm" onClick={() => setLimit(limit + pageSize)} data-testid="search-more">
                {t('ticketTable.more', { count: Math.min(pageSize, maxResults - limit) })}
              </Button>
            )}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('history.calls')}
        </Title>
        {calls.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('history.noCalls')}
          </Text>
        ) : (
          <Stack gap={2} data-testid="call-log">
            {calls.map((call) => {
              const number = call.phoneKey ? formatPhone(call.phoneKey) : call.from;
              return (
                <UnstyledButton
                  key={call.id}
                  onClick={() => onCallBack(number)}
                  title={t('history.callBack')}
                  p={4}
                  data-testid="call-log-row"
                >
                  <Group gap="xs">
                    <Text size="sm" c="dimmed">
                      {time(call.startedAt)}
                    </Text>
                    <Text size="sm" ff="monospace">
                      {number}
                    </Text>
                    {call.missed && (
                      <Badge size="xs" color="red">
                        {t('history.missed')}
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
});
