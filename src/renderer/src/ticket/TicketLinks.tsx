import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { ticketNumber } from '../call-screen/TicketList';

export interface Links {
  original: TicketSummary | null;
  duplicates: TicketSummary[];
}

function LinkedTicket({ ticket, onOpen, testId }: { ticket: TicketSummary; onOpen: (id: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(ticket.id)} data-testid={testId} title={ticket.description}>
      {ticketNumber(ticket)} <Badge size="xs">{t(`ticket.status.${ticket.status}`)}</Badge>
    </Anchor>
  );
}

/** The ticket this one repeats and the tickets that repeat it; each opens in the same view. */
export function TicketLinks({ links, onOpen }: { links: Links; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (!links.original && links.duplicates.length === 0) return null;
  return (
    <Group gap="xs" mb="sm" data-testid="ticket-links">
      {links.original && (
        <>
          <Text size="sm" c="dimmed">
            {t('ticketView.duplicateOf')}
          </Text>
          <LinkedTicket ticket={links.original} onOpen={onOpen} testId="link-original" />
        </>
      )}
      {links.duplicates.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('ticketView.duplicates', { count: links.duplicates.length })}
          </Text>
          {links.duplicates.map((d) => (
            <LinkedTicket key={d.id} ticket={d} onOpen={onOpen} testId="link-duplicate" />
          ))}
        </>
      )}
    </Group>
  );
}
