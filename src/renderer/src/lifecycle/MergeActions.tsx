import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { ticketNumber } from '../call-screen/TicketList';
import { useDialogProps } from '../shell/dialog-props';
import { useWorkstation } from '../shell/api-context';
import { useTicketStep } from './use-ticket-step';

/** The number of the ticket a duplicate repeats, as the agent knows it (its id until the cache holds it). */
function useOriginalNumber(id: string | null): string {
  const { api } = useWorkstation();
  const [number, setNumber] = useState(id ?? '');
  useEffect(() => {
    if (!id) return;
    api.tickets.get({ id }).then(
      (original) => setNumber(ticketNumber(original)),
      () => setNumber(id),
    );
  }, [api, id]);
  return number;
}

/**
 * Merging a duplicate into the ticket it repeats, and undoing that: each behind a dialog that says
 * what will happen, so neither is one stray key away.
 */
export function MergeActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const run = useTicketStep();
  const dialog = useDialogProps();
  const [asked, setAsked] = useState<'merge' | 'unmerge' | null>(null);
  const [reason, setReason] = useState('');
  const merged = ticket.status === 'closed' && ticket.resolution === 'merged';
  const original = useOriginalNumber(merged ? ticket.mergedInto : ticket.duplicateOf);
  if (!merged && !(ticket.duplicateOf && ticket.status !== 'closed')) return null;

  const close = () => {
    setAsked(null);
    setReason('');
  };
  const merge = () => {
    close();
    void run(() => api.tickets.merge({ id: ticket.id }), 'work.merged');
  };
  const unmerge = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return;
    close();
    void run(() => api.tickets.unmerge({ id: ticket.id, reason: text }), 'step.unmerged');
  };

  // A step form of its own: on a merged ticket, the key that reaches a step's first field reaches the undo.
  return (
    <Group mb="md" data-step-form>
      {merged ? (
        <>
          <Text size="sm" data-testid="merged-into">
            {t('step.mergedInto', { number: original })}
          </Text>
          <Button variant="light" color="grape" data-testid="unmerge" onClick={() => setAsked('unmerge')}>
            {t('step.unmerge')}
          </Button>
        </>
      ) : (
        <Button variant="light" color="grape" data-testid="merge" onClick={() => setAsked('merge')}>
          {t('work.merge')}
        </Button>
      )}
      <Modal {...dialog} opened={asked === 'merge'} onClose={close} title={t('step.mergeTitle')}>
        <Stack data-testid="merge-dialog">
          <Text size="sm">{t('step.mergeInto', { number: original })}</Text>
          <Group>
            <Button data-autofocus color="grape" onClick={merge} data-testid="merge-confirm">
              {t('step.mergeConfirm')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('step.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal {...dialog} opened={asked === 'unmerge'} onClose={close} title={t('step.unmerge')}>
        <form onSubmit={unmerge} data-testid="unmerge-dialog">
          <Stack>
            <Text size="sm">
              {t('step.unmergeHint', { status: t(`ticket.status.${ticket.statusBeforeMerge ?? 'registered'}`), number: original })}
            </Text>
            <TextInput
              data-autofocus
              label={t('step.unmergeReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maxLength={1000}
              data-free-text
              data-testid="unmerge-reason"
            />
            <Group>
              <Button type="submit" color="grape" disabled={!reason.trim()} data-testid="unmerge-confirm">
                {t('step.unmerge')}
              </Button>
              <Button variant="default" onClick={close}>
                {t('step.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
