import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorState } from './monitor-state';
import type { NameOf } from './names';

/** The newest open tickets, as they arrive: the lead's live feed. */
export function RecentTickets({ state, name }: { state: MonitorState; name: NameOf }) {
  const { t } = useTranslation();
  // Sorted when the tickets change, not on every tick of the clock.
  const newest = useMemo(
    () => [...state.tickets.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 6),
    [state.tickets],
  );
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
