import { Button, Stack, Text, TextInput } from '@mantine/core';
import { type Ref, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { satisfactions, type Ticket } from '../../../shared/domain/ticket';
import { refName, useReference } from '../call-screen/use-reference';
import { useWorkstation } from '../shell/api-context';
import { type ChoiceHandle, ChoiceGroup } from './ChoiceGroup';
import { ConfirmHint } from './ConfirmHint';
import { type StepHandle, useTicketStep } from './use-ticket-step';

type Satisfaction = (typeof satisfactions)[number];

/**
 * The callback after a unit's feedback: what the unit reported, and the citizen's satisfaction —
 * chosen by the agent every time (there is no default), with her note sent along.
 */
export function CallbackForm({ ticket, handleRef }: { ticket: Ticket; handleRef: Ref<StepHandle> }) {
  const { t, i18n } = useTranslation();
  const { api } = useWorkstation();
  const reference = useReference();
  const run = useTicketStep();
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [missing, setMissing] = useState(false);
  const [note, setNote] = useState('');
  const choice = useRef<ChoiceHandle>(null);

  const confirm = () => {
    if (!satisfaction) {
      setMissing(true);
      choice.current?.focus();
      return;
    }
    void run(
      () => api.tickets.recordCallback({ id: ticket.id, satisfaction, ...(note.trim() ? { note: note.trim() } : {}) }),
      'work.callbackRecorded',
    );
  };
  useImperativeHandle(handleRef, () => ({ confirm }));

  return (
    <Stack gap="xs" mb="md" data-testid="callback-form" data-step-form>
      <Text size="sm">
        {t('work.unitReported', {
          unit: refName(reference, 'unit', ticket.feedback?.unitCode, i18n.language),
          summary: ticket.feedback?.summary ?? '',
        })}
      </Text>
      <ChoiceGroup
        label={t('work.satisfaction')}
        options={satisfactions.map((s) => ({ value: s, label: t(`callback.${s}`) }))}
        value={satisfaction}
        onChange={(s) => {
          setSatisfaction(s);
          setMissing(false);
        }}
        error={missing ? t('step.satisfactionMissing') : null}
        testId="satisfaction"
        handleRef={choice}
      />
      <TextInput
        label={t('work.callbackNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={1000}
        data-free-text
        data-testid="callback-note"
      />
      <Button onClick={confirm} rightSection={<ConfirmHint />} data-testid="record-callback">
        {t('work.recordCallback')}
      </Button>
    </Stack>
  );
}
