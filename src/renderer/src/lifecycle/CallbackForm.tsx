import { Button, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type Ref, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { refName, useReference } from '../call-screen/use-reference';
import { useWorkstation } from '../shell/api-context';
import { ConfirmHint } from './ConfirmHint';
import { type StepHandle, useTicketStep } from './use-ticket-step';

const satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
type Satisfaction = (typeof satisfactions)[number];

/** The callback after a unit's feedback: what the unit reported, and the citizen's satisfaction. */
export function CallbackForm({ ticket, handleRef }: { ticket: Ticket; handleRef: Ref<StepHandle> }) {
  const { t, i18n } = useTranslation();
  const { api } = useWorkstation();
  const reference = useReference();
  const run = useTicketStep();
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const [note, setNote] = useState('');

  const confirm = () =>
    void run(
      () => api.tickets.recordCallback({ id: ticket.id, satisfaction, ...(note.trim() ? { note: note.trim() } : {}) }),
      'work.callbackRecorded',
    );
  useImperativeHandle(handleRef, () => ({ confirm }));

  return (
    <Stack gap="xs" mb="md" data-testid="callback-form">
      <Text size="sm">
        {t('work.unitReported', {
          unit: refName(reference, 'unit', ticket.feedback?.unitCode, i18n.language),
          summary: ticket.feedback?.summary ?? '',
        })}
      </Text>
      <SegmentedControl
        value={satisfaction}
        onChange={setSatisfaction}
        data={satisfactions.map((s) => ({ value: s, label: t(`callback.${s}`) }))}
        aria-label={t('work.satisfaction')}
        data-testid="satisfaction"
      />
      <TextInput label={t('work.callbackNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-free-text />
      <Button onClick={confirm} rightSection={<ConfirmHint />} data-testid="record-callback">
        {t('work.recordCallback')}
      </Button>
    </Stack>
  );
}
