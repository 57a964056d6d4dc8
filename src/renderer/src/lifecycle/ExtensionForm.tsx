import { Button, Stack, Text, TextInput } from '@mantine/core';
import { type Ref, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { useWorkstation } from '../shell/api-context';
import { type ChoiceHandle, ChoiceGroup } from './ChoiceGroup';
import { ConfirmHint } from './ConfirmHint';
import { type StepHandle, useTicketStep } from './use-ticket-step';

const decisions = ['approve', 'refuse'] as const;
type Decision = (typeof decisions)[number];

/** A unit's request for more time: approved or refused as the agent chose, a refusal with the reason the unit will read. */
export function ExtensionForm({
  ticket,
  request,
  handleRef,
}: {
  ticket: Ticket;
  request: NonNullable<Ticket['extensionRequest']>;
  handleRef: Ref<StepHandle>;
}) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const run = useTicketStep();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<'decision' | 'reason' | null>(null);
  const choice = useRef<ChoiceHandle>(null);
  const reason = useRef<HTMLInputElement>(null);

  const confirm = () => {
    if (!decision) {
      setProblem('decision');
      choice.current?.focus();
      return;
    }
    const text = note.trim();
    if (decision === 'refuse' && !text) {
      setProblem('reason');
      reason.current?.focus();
      return;
    }
    const approved = decision === 'approve';
    void run(
      () => api.tickets.decideExtension({ id: ticket.id, approved, ...(text ? { note: text } : {}) }),
      approved ? 'work.extensionApproved' : 'work.extensionRefused',
    );
  };
  useImperativeHandle(handleRef, () => ({ confirm }));

  return (
    <Stack gap="xs" mb="md" data-testid="extension-form" data-step-form>
      <Text size="sm">{t('work.extensionAsked', { hours: request.hours, reason: request.reason })}</Text>
      <ChoiceGroup
        label={t('step.decision')}
        options={decisions.map((d) => ({ value: d, label: t(`work.${d}`) }))}
        value={decision}
        onChange={(d) => {
          setDecision(d);
          setProblem(null);
        }}
        error={problem === 'decision' ? t('step.decisionMissing') : null}
        testId="extension-decision"
        handleRef={choice}
      />
      <TextInput
        ref={reason}
        label={t('step.extensionNote')}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          if (problem === 'reason') setProblem(null);
        }}
        error={problem === 'reason' ? t('step.refuseReasonMissing') : undefined}
        maxLength={1000}
        data-free-text
        data-testid="extension-note"
      />
      <Button onClick={confirm} rightSection={<ConfirmHint />} data-testid="record-extension">
        {t('step.recordDecision')}
      </Button>
    </Stack>
  );
}
