import { Badge, Group, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import type { TicketStatus } from '../../../shared/domain/ticket';
import { type Reference, refName } from './use-reference';

const statusColor: Record<TicketStatus, string> = {
  registered: 'blue',
  dispatched: 'orange',
  accepted: 'cyan',
  in_progress: 'teal',
  returned: 'red',
  feedback: 'grape',
  closed: 'gray',
};

export const ticketNumber = (t: Pick<TicketSummary, 'officialNo' | 'provisionalNo'>): string => t.officialNo ?? t.provisionalNo;

/** Enter opens the focused row; ↑↓ move between rows, which are one Tab stop together. */
function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const row = event.currentTarget;
  const next = event.key === 'ArrowDown' ? row.nextElementSibling : event.key === 'ArrowUp' ? row.previousElementSibling : null;
  if (event.key === 'Enter') open();
  else if (next instanceof HTMLElement) next.focus();
  else return;
  event.preventDefault();
}

/** Tickets as agents scan them: number, status, category, unit, date, what it was about. */
export function TicketList({
  tickets,
  reference,
  testId,
  onOpen,
}: {
  tickets: TicketSummary[];
  reference: Reference;
  testId: string;
  /** Enter (or a click) on a row: the ticket in the one ticket view. */
  onOpen?: (ticketId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (
    <Table data-testid={testId} striped highlightOnHover verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ticket.number')}</Table.Th>
          <Table.Th>{t('intake.category')}</Table.Th>
          <Table.Th>{t('ticket.unit')}</Table.Th>
          <Table.Th>{t('ticket.created')}</Table.Th>
          <Table.Th>{t('intake.description')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((ticket) => (
          <Table.Tr
            key={ticket.id}
            data-testid={`${testId}-row`}
            data-ticket-id={ticket.id}
            {...(onOpen && {
              tabIndex: ticket === tickets[0] ? 0 : -1,
              onClick: () => onOpen(ticket.id),
              onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => onRowKey(event, () => onOpen(ticket.id)),
              style: { cursor: 'pointer' },
            })}
          >
            <Table.Td>
              <Text size="sm" ff="monospace">
                {ticketNumber(ticket)}
              </Text>
              <Group gap={4}>
                <Badge size="xs" color={statusColor[ticket.status]}>
                  {t(`ticket.status.${ticket.status}`)}
                </Badge>
                {ticket.pendingEvents > 0 && (
                  <Badge size="xs" variant="outline" color="yellow">
                    {t('ticket.pending')}
                  </Badge>
                )}
                {ticket.followUps > 0 && (
                  <Badge size="xs" variant="light" color="grape">
                    {t('caller.followUps', { count: ticket.followUps })}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{refName(reference, 'category', ticket.category, locale)}</Table.Td>
            <Table.Td>{refName(reference, 'unit', ticket.leadUnitCode, locale)}</Table.Td>
            <Table.Td>{date(ticket.createdAt)}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {ticket.description}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
