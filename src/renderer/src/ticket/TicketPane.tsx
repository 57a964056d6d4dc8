import { Button, Group, Kbd, Stack, Text } from '@mantine/core';
import { type KeyboardEvent, type Ref, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketDetail } from '../lifecycle/TicketDetail';
import type { StepHandle } from '../lifecycle/use-ticket-step';

/** An Escape that belongs to the control it was pressed in (an open dropdown, a text being typed), not to the view. */
const escapeIsTaken = (target: EventTarget) =>
  target instanceof HTMLElement &&
  (target.getAttribute('aria-expanded') === 'true' || target instanceof HTMLTextAreaElement || target.isContentEditable);

/**
 * The one ticket view: the same detail wherever the ticket was opened from, over the pane the agent
 * was on. Escape (or Alt+←, or the button) goes back to exactly where she was.
 */
export function TicketPane({
  ticketId,
  depth,
  onBack,
  stepRef,
}: {
  ticketId: string;
  depth: number;
  onBack: () => void;
  stepRef: Ref<StepHandle>;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // The cursor comes with the view, so Escape and the step's keys work at once.
  useEffect(() => box.current?.focus(), [ticketId]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || escapeIsTaken(event.target)) return;
    event.preventDefault();
    onBack();
  };

  return (
    <Stack gap="sm" ref={box} tabIndex={-1} onKeyDown={onKeyDown} data-testid="ticket-view" aria-label={t('ticketView.title')}>
      <Group justify="space-between">
        <Button variant="subtle" size="compact-sm" onClick={onBack} data-testid="ticket-back" rightSection={<Kbd size="xs">Esc</Kbd>}>
          {depth > 1 ? t('ticketView.backToTicket') : t('ticketView.back')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('ticketView.hint')}
        </Text>
      </Group>
      <TicketDetail key={ticketId} ticketId={ticketId} handleRef={stepRef} />
    </Stack>
  );
}
