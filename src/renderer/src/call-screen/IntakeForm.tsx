import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ChangeEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { urgencies } from '../../../shared/domain/ticket';
import { HotkeyHint } from './HotkeyHint';
import { type IntakeError, type IntakeField, type LimitedIntakeField, limitOf, tooLong, typedPhone } from './intake-form';
import { RefSelect } from './RefSelect';
import { ticketNumber } from './TicketList';
import type { Suggestion } from './use-category-suggestions';
import { fieldId, focusField, focusFieldNow, type IntakeForm as Form } from './use-intake-form';
import { type Reference, refName } from './use-reference';

export interface IntakeFormProps {
  form: Form;
  reference: Reference;
  savedAt: string | null;
  suggestions: Suggestion[];
  /** The ticket this one is linked to as a duplicate, when it is among the likely duplicates. */
  duplicateTicket: TicketSummary | undefined;
  busy: boolean;
  onSubmit(): void;
  canFollowUp: boolean;
  canLinkDuplicate: boolean;
  onPick(picker: 'followUp' | 'duplicate'): void;
  /** The drafts list: the drafts parked by a pop or a new intake. */
  onOpenDrafts(): void;
}

/** The intake form in Tab/Enter order: what the agent types while the caller talks. */
export function IntakeForm({
  form,
  reference,
  savedAt,
  suggestions,
  duplicateTicket,
  busy,
  onSubmit,
  canFollowUp,
  canLinkDuplicate,
  onPick,
  onOpenDrafts,
}: IntakeFormProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { values, errors, unmatched, set, startOver, setUnmatched } = form;
  const message = (e: IntakeError) => (typeof e === 'string' ? t(e) : t(e.key, e.values));
  const error = (field: IntakeField) => {
    const found = errors[field];
    return found ? message(found) : undefined;
  };
  // Enter in a one-line field moves on, as Tab does: agents type with one hand on the keys.
  // The next field exists already: focus it now, so keys typed right after Enter land there.
  const next = (field: IntakeField) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      focusFieldNow(field);
    }
  };
  // The props every free-text field shares: its id (for focus), value, error, test id, and a live
  // count against its limit; past the limit the error says so at once, not only on submit.
  const textField = (field: LimitedIntakeField) => {
    const over = tooLong(field, values[field]);
    const count = values[field].trim().length;
    return {
      id: fieldId(field),
      value: values[field],
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set({ [field]: field === 'callerPhone' ? typedPhone(e.currentTarget.value) : e.currentTarget.value }),
      error: over ? message(over) : error(field),
      description: field !== 'callerPhone' && (
        <Text
          span
          size="xs"
          c={over ? 'red' : 'dimmed'}
          aria-label={t('intake.counter', { count, max: limitOf(field) })}
          data-testid={`counter-${field}`}
        >
          {count} / {limitOf(field)}
        </Text>
      ),
      inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
      'data-testid': `field-${field}`,
    };
  };
  // The props every reference picker shares. A mistyped pinyin must not leave the field silently
  // empty: it stays marked until fixed, and the cursor goes back once to fix it (not on every leave).
  const picker = (field: 'requestType' | 'category' | 'districtCode' | 'streetCode', testId: string) => ({
    id: fieldId(field),
    testId,
    error: error(field),
    unmatched: unmatched[field],
    onUnmatched: (typed: string | null) => {
      if (typed && typed !== unmatched[field]) focusField(field);
      setUnmatched(field, typed);
    },
  });
  const streets = values.districtCode ? reference.streets.filter((s) => s.districtCode === values.districtCode) : reference.streets;
  const requestTypes = reference.requestTypes.map((r, i) => ({ ...r, zh: `${i + 1} ${r.zh}`, keywords: [String(i + 1)] }));

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('intake.title')}
        </Title>
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="draft-saved">
            {savedAt ? t('intake.draftSaved', { time: new Date(savedAt).toLocaleTimeString(locale) }) : ''}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={onOpenDrafts} rightSection={<HotkeyHint id="openDrafts" />}>
            {t('actions.openDrafts.label')}
          </Button>
        </Group>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              {...textField('callerPhone')}
              label={t('intake.callerPhone')}
              onKeyDown={next('callerName')}
              inputMode="tel"
              autoFocus
            />
            <TextInput {...textField('callerName')} label={t('intake.callerName')} onKeyDown={next('requestType')} data-free-text />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <RefSelect
              label={t('intake.requestType')}
              items={requestTypes}
              value={values.requestType}
              onChange={(requestType) => set({ requestType })}
              {...picker('requestType', 'field-requestType')}
              required
            />
            <RefSelect
              label={t('intake.category')}
              items={reference.categories}
              value={values.category}
              onChange={(category) => set({ category })}
              {...picker('category', 'field-category')}
            />
            <Select
              id={fieldId('urgency')}
              label={t('intake.urgency')}
              data={urgencies.map((u) => ({ value: u, label: t(`intake.urgencies.${u}`) }))}
              value={values.urgency}
              onChange={(urgency) => set({ urgency: urgency ?? 'normal' })}
              searchable
              selectFirstOptionOnChange
              autoSelectOnBlur
              allowDeselect={false}
              error={error('urgency')}
              data-testid="field-urgency"
              comboboxProps={{ transitionProps: { duration: 0 } }}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <RefSelect
              label={t('intake.district')}
              items={reference.districts}
              value={values.districtCode}
              onChange={(districtCode) => set({ districtCode, ...(values.streetCode.startsWith(districtCode) ? {} : { streetCode: '' }) })}
              {...picker('districtCode', 'field-district')}
            />
            <RefSelect
              label={t('intake.street')}
              items={streets}
              value={values.streetCode}
              onChange={(streetCode) => set({ streetCode, ...(streetCode ? { districtCode: streetCode.slice(0, 6) } : {}) })}
              {...picker('streetCode', 'field-street')}
            />
          </SimpleGrid>
          <TextInput {...textField('addressDetail')} label={t('intake.addressDetail')} onKeyDown={next('description')} data-free-text />
          <Textarea
            {...textField('description')}
            label={
              <Group gap={6} component="span">
                {t('intake.description')} <HotkeyHint id="quickPhrase" />
              </Group>
            }
            autosize
            minRows={3}
            maxRows={8}
            required
            data-free-text
          />
          {suggestions.length > 0 && (
            <Group gap="xs" data-testid="category-suggestions">
              <Text size="xs" c="dimmed">
                {t('intake.suggested')}
              </Text>
              {suggestions.map((s) => (
                <Badge key={s.category} variant={s.category === values.category ? 'filled' : 'light'} data-testid="category-suggestion">
                  {refName(reference, 'category', s.category, locale)}{' '}
                  {s.confidence === null ? t('intake.byKeyword') : `${Math.round(s.confidence * 100)}%`}
                </Badge>
              ))}
              <HotkeyHint id="acceptSuggestion" />
            </Group>
          )}
          <TextInput {...textField('callerWants')} label={t('intake.callerWants')} data-free-text />
          {values.duplicateOf && (
            <Alert color="grape" data-testid="duplicate-of">
              <Group justify="space-between">
                <Text size="sm">
                  {t('intake.duplicateOf', { number: duplicateTicket ? ticketNumber(duplicateTicket) : values.duplicateOf })}
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={() => set({ duplicateOf: '' })}>
                  {t('intake.clearDuplicate')}
                </Button>
              </Group>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} rightSection={<HotkeyHint id="submitTicket" />} data-testid="submit-ticket">
              {t('intake.submit')}
            </Button>
            <Button variant="default" onClick={() => startOver()} rightSection={<HotkeyHint id="newIntake" />}>
              {t('intake.reset')}
            </Button>
            <Button variant="subtle" onClick={() => onPick('followUp')} disabled={!canFollowUp} rightSection={<HotkeyHint id="followUp" />}>
              {t('actions.followUp.label')}
            </Button>
            <Button
              variant="subtle"
              onClick={() => onPick('duplicate')}
              disabled={!canLinkDuplicate}
              rightSection={<HotkeyHint id="linkDuplicate" />}
            >
              {t('actions.linkDuplicate.label')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
