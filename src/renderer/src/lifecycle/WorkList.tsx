import { Paper, SegmentedControl, Stack, Text, Title, Group, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { ticketNumber } from '../call-screen/TicketList';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { DeadlineBadge } from './DeadlineBadge';

export const workLists = ['undispatched', 'returned', 'callback', 'extension'] as const;
export type WorkListKind = (typeof workLists)[number];

/** One work list: the tickets waiting for the hotline's next step, arrow keys move the selection. */
export function WorkList({
  kind,
  onKind,
  selected,
  onSelect,
  onOpen,
}: {
  kind: WorkListKind;
  onKind: (kind: WorkListKind) => void;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Enter on a row: the ticket in the one ticket view. */
  onOpen?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const [rows, setRows] = useState<TicketSummary[]>([]);

  useEffect(() => {
    if (link !== 'open') return;
    const load = () => api.tickets.worklist({ kind, limit: 100 }).then(setRows, () => setRows([]));
    void load();
    return on.tickets.changed(() => void load());
  }, [api, on, link, kind]);

  const onListKey = (event: KeyboardEvent) => {
    const row = event.target instanceof HTMLElement ? event.target.closest('[role="option"]') : null;
    if (event.key === 'Enter' && row && onOpen) {
      event.preventDefault();
      onOpen(row.id.slice('work-row-'.length));
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((r) => r.id === selected);
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      onSelect(next.id);
      document.getElementById(`work-row-${next.id}`)?.focus();
    }
  };

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
          onKind(v);
          onSelect(null);
        }}
        data={workLists.map((k) => ({ value: k, label: t(`work.lists.${k}`) }))}
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
            onClick={() => onSelect(row.id)}
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
  );
}
