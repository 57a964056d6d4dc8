import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import type { MonitorState } from './monitor-state';
import type { NameOf } from './names';

/** The newest open tickets, as they arrive: the lead's live feed; Enter on one opens it. */
export function RecentTickets({ state, name, onOpen }: { state: MonitorState; name: NameOf; onOpen: (ticket: MonitorTicket) => void }) {
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
        <UnstyledButton key={ticket.id} onClick={() => onOpen(ticket)} data-testid={`recent-${ticket.number}`}>
          <Badge variant="outline" style={{ textTransform: 'none', cursor: 'pointer' }}>
            {ticket.number} {name(ticket.category)}
          </Badge>
        </UnstyledButton>
      ))}
    </Group>
  );
}
