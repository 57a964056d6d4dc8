import { Badge, Group, Table, Text } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import type { TicketStatus } from '../../../shared/domain/ticket';
import { DeadlineBadge } from '../lifecycle/DeadlineBadge';
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

/**
 * One line per cell: a long category or unit name is cut with an ellipsis and shown whole on
 * hover, never wrapped a character a line in a narrow column.
 */
function Cell({ text, children, mono }: { text: string; children?: ReactNode; mono?: boolean }) {
  return (
    <Table.Td title={text} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {children ?? (
        <Text span size="sm" ff={mono ? 'monospace' : undefined}>
          {text}
        </Text>
      )}
    </Table.Td>
  );
}

/**
 * Tickets as agents scan them: number and status, category, unit, date, the running time limit,
 * what it was about. `onOpen` is called with the ticket a row is clicked for (the ticket view).
 */
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
    <Table
      data-testid={testId}
      stickyHeader
      striped
      highlightOnHover
      verticalSpacing={4}
      fz="sm"
      style={{ tableLayout: 'fixed', minWidth: 640 }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{t('ticket.number')}</Table.Th>
          <Table.Th w={110}>{t('intake.category')}</Table.Th>
          <Table.Th w={110}>{t('ticket.unit')}</Table.Th>
          <Table.Th w={120}>{t('ticket.created')}</Table.Th>
          <Table.Th w={120}>{t('ticket.deadline')}</Table.Th>
          <Table.Th>{t('intake.description')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((ticket) => {
          const category = refName(reference, 'category', ticket.category, locale);
          const unit = refName(reference, 'unit', ticket.leadUnitCode, locale);
          const status = t(`ticket.status.${ticket.status}`);
          const due = ticket.deadline ? date(ticket.deadline.dueAt) : '';
          return (
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
              <Cell text={`${ticketNumber(ticket)} · ${status}`}>
                <Text size="sm" ff="monospace" truncate>
                  {ticketNumber(ticket)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Badge size="xs" color={statusColor[ticket.status]} data-testid={`${testId}-status`}>
                    {status}
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
              </Cell>
              <Cell text={category} />
              <Cell text={unit} />
              <Cell text={date(ticket.createdAt)} />
              <Cell text={due}>
                <span data-testid={`${testId}-deadline`}>
                  <DeadlineBadge deadline={ticket.deadline} />
                </span>
              </Cell>
              <Cell text={ticket.description} />
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
