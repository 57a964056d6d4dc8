import { Badge, Group, Table, Text } from '@mantine/core';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { ticketNumber } from '../call-screen/TicketList';
import { type Reference, refName } from '../call-screen/use-reference';

/** One line per cell, cut with an ellipsis: a long category or unit name never stacks one character per line. */
const cell = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const columns = [
  { key: 'number', width: '11rem' },
  { key: 'category', width: '22%' },
  { key: 'unit', width: '18%' },
  { key: 'created', width: '9rem' },
  { key: 'description', width: 'auto' },
] as const;

/**
 * Tickets as a table with a fixed layout: every row one line high whatever the names, the full text
 * in each cell's title. ↑↓ Home End move between rows, Enter (or a click) opens the ticket.
 */
export function TicketTable({
  tickets,
  reference,
  testId,
  onOpen,
}: {
  tickets: TicketSummary[];
  reference: Reference;
  testId: string;
  onOpen: (ticketId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const body = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, tickets.length - 1));
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const header = {
    number: t('ticket.number'),
    category: t('intake.category'),
    unit: t('ticket.unit'),
    created: t('ticket.created'),
    description: t('intake.description'),
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(tickets.length - 1, index));
    setActive(next);
    body.current?.querySelectorAll<HTMLElement>('tr')[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number, id: string) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: tickets.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(id);
    }
  };

  return (
    <Table data-testid={testId} layout="fixed" striped highlightOnHover verticalSpacing={4} fz="sm" aria-label={t('ticketTable.open')}>
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} style={{ width: c.width }} />
        ))}
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} style={cell}>
              {header[c.key]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={body}>
        {tickets.map((ticket, index) => {
          const category = refName(reference, 'category', ticket.category, locale);
          const unit = refName(reference, 'unit', ticket.leadUnitCode, locale);
          return (
            <Table.Tr
              key={ticket.id}
              tabIndex={index === current ? 0 : -1}
              onFocus={() => setActive(index)}
              onKeyDown={(e) => onKeyDown(e, index, ticket.id)}
              onClick={() => onOpen(ticket.id)}
              title={t('ticketTable.open')}
              style={{ cursor: 'pointer' }}
              data-testid={`${testId}-row`}
              data-ticket-id={ticket.id}
            >
              <Table.Td style={cell}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" ff="monospace" span>
                    {ticketNumber(ticket)}
                  </Text>
                  <Badge size="xs" style={{ flexShrink: 0 }}>
                    {t(`ticket.status.${ticket.status}`)}
                  </Badge>
                  {ticket.pendingEvents > 0 && (
                    <Badge size="xs" variant="outline" color="yellow" style={{ flexShrink: 0 }}>
                      {t('ticket.pending')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={cell} title={category}>
                {category}
              </Table.Td>
              <Table.Td style={cell} title={unit}>
                {unit}
              </Table.Td>
              <Table.Td style={cell}>{date(ticket.createdAt)}</Table.Td>
              <Table.Td style={cell} title={ticket.description}>
                {ticket.description}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
