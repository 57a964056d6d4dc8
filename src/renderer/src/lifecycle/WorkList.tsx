import { Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistFilter } from '../../../shared/contract/tickets';
import { type WorkListKind, workLists } from '../../../shared/domain/work-list';
import { ticketNumber } from '../call-screen/TicketList';
import { DeadlineBadge } from './DeadlineBadge';
import { QueueList } from './QueueList';
import { useWorkQueue } from './use-work-queue';
import { WorkFilters } from './WorkFilters';

export { type WorkListKind, workLists };

/** A search is sent once typing pauses this long: each keystroke would otherwise ask for a page. */
const searchPauseMs = 150;

/**
 * The work lists as queues: a tab per list with its count, search and filters, and the list itself
 * in order of urgency, of any length, one Tab stop. The ticket under the cursor is the selection.
 */
export function WorkList({
  kind,
  onKind,
  selected,
  onSelect,
  onOpen = onSelect,
}: {
  kind: WorkListKind;
  onKind: (kind: WorkListKind) => void;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Enter on a ticket; without it, Enter selects it. */
  onOpen?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<WorklistFilter>({});
  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), searchPauseMs);
  const queue = useWorkQueue(kind, filter, query);
  const counts = queue.counts;
  const narrowed = query !== '' || Object.values(filter).some((v) => v !== undefined);
  const all = counts?.[kind];

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('panes.routing.title')}
      </Title>
      <SegmentedControl
        fullWidth
        size="xs"
        value={kind}
        onChange={(v) => {
          const next = workLists.find((k) => k === v) ?? kind;
          // A status belongs to one list; the other filters and the search carry over.
          setFilter(({ status: _status, ...rest }) => rest);
          onKind(next);
          onSelect(null);
        }}
        data={workLists.map((k) => ({
          value: k,
          label: counts ? t('queue.tab', { name: t(`work.lists.${k}`), count: counts[k] }) : t(`work.lists.${k}`),
        }))}
        mb="sm"
        data-testid="work-lists"
      />
      <WorkFilters kind={kind} query={typed} onQuery={setTyped} filter={filter} onFilter={setFilter} />
      <Group justify="space-between" mb={4}>
        <Text size="xs" c="dimmed" data-testid="work-count" aria-live="polite">
          {queue.total === null
            ? t('queue.loading')
            : narrowed
              ? t('queue.filtered', { count: queue.total, total: all ?? queue.total })
              : t('queue.total', { count: queue.total })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('queue.keys')}
        </Text>
      </Group>
      <QueueList
        id="work-list"
        label={t(`work.lists.${kind}`)}
        queue={queue}
        selected={selected}
        onSelect={onSelect}
        onOpen={onOpen}
        empty={t('work.empty')}
        renderRow={(row) => (
          <>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" ff="monospace">
                {ticketNumber(row)}
              </Text>
              <DeadlineBadge deadline={row.deadline} />
            </Group>
            <Text size="xs" lineClamp={1}>
              {row.description}
            </Text>
          </>
        )}
      />
    </Paper>
  );
}
