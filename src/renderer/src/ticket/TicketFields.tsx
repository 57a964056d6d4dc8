import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import type { Ticket } from '../../../shared/domain/ticket';
import { refName, type Reference } from '../call-screen/use-reference';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** A ticket's fields as the agent took them, every code in the UI's words. */
export function TicketFields({
  ticket,
  deadline,
  reference,
  actorName,
}: {
  ticket: Ticket;
  deadline: TicketSummary['deadline'];
  reference: Reference;
  actorName: (actor: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const f = ticket.fields;
  const name = (kind: string, code: string | null | undefined) => refName(reference, kind, code, locale);
  // A leaf with its group (供暖 › 室温不达标), as the pickers show it.
  const category = reference.allCategories.find((c) => c.code === f.category);
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '');
  const caller = [f.callerName, f.callerPhone].filter(Boolean).join(' · ');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={6} mb="sm" data-testid="ticket-fields">
      <Field label={t('intake.category')} testId="ticket-field-category">
        {category ? (locale === 'en' ? category.en : category.zh) : name('category', f.category)}
      </Field>
      <Field label={t('intake.requestType')} testId="ticket-field-request-type">
        {name('requestType', f.requestType)}
      </Field>
      <Field label={t('intake.urgency')} testId="ticket-field-urgency">
        {t(`ticketView.urgency.${f.urgency}`)}
      </Field>
      <Field label={t('ticketView.place')} testId="ticket-field-place">
        {[name('district', f.districtCode), name('street', f.streetCode), f.addressDetail].filter(Boolean).join(' ')}
      </Field>
      <Field label={t('caller.title')} testId="ticket-field-caller">
        {caller}
      </Field>
      <Field label={t('ticket.unit')} testId="ticket-field-unit">
        {ticket.unitCodes.map((code) => name('unit', code)).join('、')}
      </Field>
      <Field label={t('ticket.created')} testId="ticket-field-created">
        {`${time(ticket.createdAt)} · ${actorName(ticket.createdBy)}`}
      </Field>
      <Field label={t('ticketView.due')} testId="ticket-field-due">
        {deadline
          ? `${t(`sla.${deadline.stage}`)} ${time(deadline.dueAt)}`
          : ticket.closedAt
            ? t('ticketView.closedAt', { time: time(ticket.closedAt) })
            : ''}
      </Field>
      {f.callerWants && (
        <Field label={t('intake.callerWants')} testId="ticket-field-wants">
          {f.callerWants}
        </Field>
      )}
    </SimpleGrid>
  );
}
