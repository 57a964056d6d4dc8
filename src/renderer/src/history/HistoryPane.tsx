import { Badge, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { memo, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedCall } from '../../../shared/contract/calls';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { formatPhone } from '../../../shared/domain/phone';
import { TicketList } from '../call-screen/TicketList';
import { useReference } from '../call-screen/use-reference';
import { useLinkState, useWorkstation } from '../shell/api-context';

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
  const [calls, setCalls] = useState<LoggedCall[]>([]);

  useEffect(() => {
    if (link !== 'open') return;
    const run = () => {
      if (query.trim() === '') return setResults(null);
      api.tickets.search({ query, limit: 50 }).then(setResults, () => setResults([]));
    };
    const timer = setTimeout(run, 120);
    const off = on.tickets.changed(run);
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api, on, link, query]);

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
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="ticket-search"
        />
        {results && (
          <Stack gap="xs" mt="sm">
            <Text size="sm" c="dimmed" data-testid="search-count">
              {results.length === 0 ? t('history.noResults') : t('history.results', { count: results.length })}
            </Text>
            {results.length > 0 && <TicketList tickets={results} reference={reference} testId="search-results" />}
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
