import { Alert, Badge, Button, Grid, Group, Kbd, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, type Ref, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerHistory } from '../../../shared/contract/callers';
import type { LoggedCall } from '../../../shared/contract/calls';
import type { KbArticle } from '../../../shared/contract/kb';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { newId } from '../../../shared/domain/ids';
import { formatPhone, normalisePhone } from '../../../shared/domain/phone';
import { urgencies } from '../../../shared/domain/ticket';
import { CallError } from '../api/client';
import { formatHotkey, hotkeyOf } from '../shell/actions';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { CallerPanel } from './CallerPanel';
import { emptyIntake, errorsFromIssues, fromDraft, hasContent, intakeFields, isIntakeField, type IntakeErrors, type IntakeField, type IntakeValues, validateIntake } from './intake-form';
import { PickDialog, type PickItem } from './PickDialog';
import { RefSelect } from './RefSelect';
import { ticketNumber } from './TicketList';
import { refName, useReference } from './use-reference';
import { z } from 'zod';

/** What the shell's hotkeys ask of the intake (they work from any field). */
export interface IntakeHandle {
  submit(): void;
  reset(): void;
  followUp(): void;
  linkDuplicate(): void;
  quickPhrase(): void;
  /** Alt+G: take the top suggested category. */
  acceptSuggestion(): void;
  /** Alt+K: answer from the knowledge base, closing the call as a direct answer. */
  knowledgeBase(): void;
  /** A new intake for this number (a callback from the caller log). */
  startWith(phone: string): void;
}

/** The draft is saved this long after the last keystroke (issue 5 allows 0.5 s). */
const autosaveMs = 300;
/** The quick phrases of the message files (an object of strings); none if a translation got it wrong. */
const phraseList = z.record(z.string(), z.string());
const lookupMs = 150;

const fieldId = (field: IntakeField) => `intake-${field}`;

type Picker = 'followUp' | 'duplicate' | 'phrase' | 'kb' | null;
type Similar = { ticket: TicketSummary; similarity: number };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The call screen: the intake form on the left in Tab/Enter order, the caller's history and likely
 * duplicates on the right. Everything typed is a draft saved within 0.3 s; a popped call starts a
 * new intake with the caller filled in.
 */
export function IntakePane({ call, popOnAnswer, handleRef, onCreated }: { call: LoggedCall | null; popOnAnswer: boolean; handleRef: Ref<IntakeHandle>; onCreated?: (ticketId: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const reference = useReference();
  const [values, setValues] = useState<IntakeValues>(emptyIntake);
  const [draftId, setDraftId] = useState(() => newId());
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const [panelPhone, setPanelPhone] = useState('');
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [picker, setPicker] = useState<Picker>(null);
  const [busy, setBusy] = useState(false);
  const [articles, setArticles] = useState<KbArticle[]>([]);
  const restored = useRef(false);
  // Validation, hotkeys and the screen-pop put the cursor in a field by its id (after React renders).
  const focus = useCallback((field: IntakeField) => setTimeout(() => document.getElementById(fieldId(field))?.focus(), 0), []);

  const set = useCallback((changes: Partial<IntakeValues>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(changes).filter(isIntakeField)) delete next[key];
      return next;
    });
  }, []);

  // After a crash or a closed window: the newest intake draft comes back as it was.
  useEffect(() => {
    if (link !== 'open' || restored.current) return;
    restored.current = true;
    api.drafts.list().then(
      (drafts) => {
        const latest = drafts.find((d) => d.kind === 'intake');
        if (!latest) return;
        setDraftId(latest.id);
        setValues(fromDraft(latest.body));
        setSavedAt(latest.updatedAt);
      },
      () => {},
    );
  }, [api, link]);

  // Autosave: every change reaches the core's SQLite (synchronous=FULL) within autosaveMs.
  const pendingSave = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!hasContent(values)) return;
    const save = () => {
      pendingSave.current = null;
      api.drafts.save({ id: draftId, kind: 'intake', body: { ...values } }).then((r) => setSavedAt(r.savedAt), () => {});
    };
    pendingSave.current = save;
    const timer = setTimeout(save, autosaveMs);
    return () => clearTimeout(timer);
  }, [api, values, draftId]);
  // Going away (the screen locks, the pane is replaced) saves at once what was still waiting.
  useEffect(() => () => pendingSave.current?.(), []);

  const startOver = useCallback((next: IntakeValues = emptyIntake) => {
    setValues(next);
    setErrors({});
    setDraftId(newId());
    setSavedAt(null);
  }, []);

  // Screen-pop: an answered call opens a fresh intake with the caller's number; what the agent was
  // typing stays saved as its own draft. Done while rendering (React's "adjust state when a prop
  // changes"), so the form never shows the old call for a frame.
  const [poppedCall, setPoppedCall] = useState<string | null>(null);
  if (popOnAnswer && call && call.state === 'answered' && call.id !== poppedCall) {
    setPoppedCall(call.id);
    if (values.callId !== call.id) {
      const phone = call.phoneKey ? formatPhone(call.phoneKey) : call.direction === 'in' ? call.from : call.to;
      startOver({ ...emptyIntake, callerPhone: phone, callId: call.id });
      setPanelPhone(phone);
    }
  }
  useEffect(() => {
    if (poppedCall) focus('requestType');
  }, [poppedCall, focus]);

  // Caller history follows the number being typed; once the form is cleared (ticket submitted),
  // it stays on the last caller until another number is typed or another call comes in. The pause
  // is for typing: a number the screen-pop put in the form is looked up at once (waiting, the panel
  // showed the previous caller's history beside the new caller's number for the pause).
  const typedPhone = useDebounced(values.callerPhone, lookupMs);
  const phone = values.callerPhone === panelPhone ? panelPhone : typedPhone;
  const lookupPhone = normalisePhone(phone) ? phone : panelPhone;
  useEffect(() => {
    if (!lookupPhone || link !== 'open') return;
    const load = () => api.callers.history({ phone: lookupPhone }).then(setHistory, () => setHistory(null));
    void load();
    return on.tickets.changed(() => void load());
  }, [api, on, link, lookupPhone]);
  const shownHistory = lookupPhone && history?.phoneKey === normalisePhone(lookupPhone)?.key ? history : null;

  // Likely duplicates: same category, same street, last 24 hours, most similar text first.
  const description = useDebounced(values.description, autosaveMs);
  const place = values.category && values.streetCode ? { category: values.category, streetCode: values.streetCode } : null;
  useEffect(() => {
    if (!place || link !== 'open') return;
    api.tickets.similar({ ...place, description }).then(setSimilar, () => setSimilar([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `place` is rebuilt each render; its parts are the dependencies.
  }, [api, link, place?.category, place?.streetCode, description]);
  // Learned suggestions: the three likeliest categories for what the caller said, offline too.
  const [suggestions, setSuggestions] = useState<{ category: string; confidence: number }[]>([]);
  useEffect(() => {
    if (link !== 'open') return;
    api.tickets.suggestCategories({ text: description }).then(setSuggestions, () => setSuggestions([]));
  }, [api, link, description]);
  const shownSuggestions = description.trim().length >= 2 ? suggestions : [];

  const shownSimilar = place ? similar.filter((s) => s.ticket.category === place.category && s.ticket.streetCode === place.streetCode) : [];

  const showErrors = useCallback(
    (found: IntakeErrors) => {
      setErrors(found);
      const first = intakeFields.find((f) => found[f]);
      if (first) focus(first);
      return first !== undefined;
    },
    [focus],
  );

  const submit = useCallback(async () => {
    if (busy) return;
    const result = validateIntake(values);
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      const ticket = await api.tickets.create({
        fields: result.fields,
        draftId,
        ...(values.duplicateOf ? { duplicateOf: values.duplicateOf } : {}),
        ...(values.callId ? { callId: values.callId } : {}),
      });
      notifications.show({ color: 'green', message: t('intake.created', { number: ticket.provisionalNo }), autoClose: 4000 });
      onCreated?.(ticket.id);
      if (normalisePhone(values.callerPhone)) setPanelPhone(values.callerPhone);
      startOver();
      focus('callerPhone');
    } catch (error) {
      // The core refused a field: the message goes beside it, as the form's own checks do.
      if (error instanceof CallError && error.code === 'invalid_input' && showErrors(errorsFromIssues(error.issues, values))) return;
      notifications.show({ color: 'red', message: error instanceof CallError ? t(`errors.${error.code}`) : String(error) });
    } finally {
      setBusy(false);
    }
  }, [api, busy, draftId, focus, onCreated, showErrors, startOver, t, values]);

  // The caller's question is answered from an article: the ticket is registered and closed at once
  // as a direct answer, with the article linked. Only the fields the agent left empty are filled in.
  const answerWith = async (articleCode: string) => {
    const article = articles.find((a) => a.code === articleCode);
    const result = validateIntake({
      ...values,
      requestType: values.requestType || 'consultation',
      description: values.description.trim() || `${t('kb.askedAbout')}${article ? (locale === 'en' ? article.titleEn : article.titleZh) : articleCode}`,
    });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    try {
      const ticket = await api.tickets.create({ fields: result.fields, draftId, answeredWith: articleCode, ...(values.callId ? { callId: values.callId } : {}) });
      notifications.show({ color: 'green', message: t('kb.answered', { number: ticket.provisionalNo }) });
      if (normalisePhone(values.callerPhone)) setPanelPhone(values.callerPhone);
      startOver();
      focus('callerPhone');
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof CallError ? t(`errors.${error.code}`) : String(error) });
    }
  };

  const openTickets = useMemo(() => (shownHistory?.tickets ?? []).filter((tk) => tk.status !== 'closed'), [shownHistory]);
  const describe = (tk: TicketSummary) => `${refName(reference, 'category', tk.category, locale)} · ${tk.description}`;

  const pick = async (item: PickItem) => {
    const kind = picker;
    setPicker(null);
    if (kind === 'kb') {
      await answerWith(item.id);
    } else if (kind === 'phrase') {
      set({ description: `${values.description}${item.label}` });
      focus('description');
    } else if (kind === 'duplicate') {
      set({ duplicateOf: item.id });
      focus('description');
    } else if (kind === 'followUp') {
      try {
        const ticket = await api.tickets.followUp({
          id: item.id,
          draftId,
          ...(values.callId ? { callId: values.callId } : {}),
          ...(values.callerPhone.trim() ? { callerPhone: values.callerPhone.trim() } : {}),
          ...(values.description.trim() ? { note: values.description.trim().slice(0, 1000) } : {}),
        });
        notifications.show({ color: 'green', message: t('intake.followedUp', { number: ticket.officialNo ?? ticket.provisionalNo }) });
        if (normalisePhone(values.callerPhone)) setPanelPhone(values.callerPhone);
        startOver();
        focus('callerPhone');
      } catch (error) {
        notifications.show({ color: 'red', message: error instanceof CallError ? t(`errors.${error.code}`) : String(error) });
      }
    }
  };

  useImperativeHandle(handleRef, () => ({
    submit: () => void submit(),
    reset: () => {
      startOver();
      // The field is on screen already: the cursor moves now, before the next key arrives.
      document.getElementById(fieldId('callerPhone'))?.focus();
    },
    followUp: () => setPicker('followUp'),
    linkDuplicate: () => setPicker('duplicate'),
    quickPhrase: () => setPicker('phrase'),
    acceptSuggestion: () => {
      const best = shownSuggestions[0];
      if (best) set({ category: best.category });
    },
    knowledgeBase: () => {
      api.kb.search({ query: '', limit: 100, ...(values.category ? { category: values.category } : {}) }).then(setArticles, () => setArticles([]));
      setPicker('kb');
    },
    startWith: (callerPhone) => {
      startOver({ ...emptyIntake, callerPhone });
      setPanelPhone(callerPhone);
      focus('requestType');
    },
  }));

  const pickerItems: PickItem[] =
    picker === 'followUp'
      ? openTickets.map((tk) => ({ id: tk.id, label: ticketNumber(tk), detail: describe(tk), search: tk.description }))
      : picker === 'duplicate'
        ? shownSimilar.map((s) => ({ id: s.ticket.id, label: ticketNumber(s.ticket), detail: `${t('duplicates.similarity', { percent: Math.round(s.similarity * 100) })} · ${s.ticket.description}`, search: s.ticket.description }))
        : picker === 'kb'
          ? articles.map((a) => ({ id: a.code, label: locale === 'en' ? a.titleEn : a.titleZh, detail: locale === 'en' ? a.bodyEn : a.bodyZh, search: `${a.titleZh} ${a.titleEn} ${a.bodyZh} ${a.bodyEn}` }))
          : Object.values(phraseList.catch({}).parse(t('phrases.list', { returnObjects: true }))).map((p, i) => ({ id: String(i), label: p }));

  const error = (field: IntakeField) => (errors[field] ? t(errors[field]) : undefined);
  // Enter in a one-line field moves on, as Tab does: agents type with one hand on the keys.
  // The next field exists already: focus it now, so keys typed right after Enter land there.
  const next = (field: IntakeField) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      document.getElementById(fieldId(field))?.focus();
    }
  };
  const streets = values.districtCode ? reference.streets.filter((s) => s.districtCode === values.districtCode) : reference.streets;
  const duplicateTicket = values.duplicateOf ? shownSimilar.find((s) => s.ticket.id === values.duplicateOf)?.ticket : undefined;
  const hint = (id: Parameters<typeof hotkeyOf>[0]) => <Kbd size="xs">{formatHotkey(hotkeyOf(id))}</Kbd>;

  return (
    <Grid data-testid="pane-intake">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('intake.title')}
            </Title>
            <Text size="xs" c="dimmed" data-testid="draft-saved">
              {savedAt ? t('intake.draftSaved', { time: new Date(savedAt).toLocaleTimeString(locale) }) : ''}
            </Text>
          </Group>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
            noValidate
          >
            <Stack gap="sm">
              <SimpleGrid cols={2}>
                <TextInput id={fieldId('callerPhone')} label={t('intake.callerPhone')} value={values.callerPhone} onChange={(e) => set({ callerPhone: e.currentTarget.value })} onKeyDown={next('callerName')} error={error('callerPhone')} inputMode="tel" data-testid="field-callerPhone" autoFocus />
                <TextInput id={fieldId('callerName')} label={t('intake.callerName')} value={values.callerName} onChange={(e) => set({ callerName: e.currentTarget.value })} onKeyDown={next('requestType')} error={error('callerName')} data-testid="field-callerName" data-free-text />
              </SimpleGrid>
              <SimpleGrid cols={3}>
                <RefSelect label={t('intake.requestType')} items={reference.requestTypes.map((r, i) => ({ ...r, zh: `${i + 1} ${r.zh}`, keywords: [String(i + 1)] }))} value={values.requestType} onChange={(requestType) => set({ requestType })} error={error('requestType')} testId="field-requestType" id={fieldId('requestType')} required />
                <RefSelect label={t('intake.category')} items={reference.categories} value={values.category} onChange={(category) => set({ category })} error={error('category')} testId="field-category" id={fieldId('category')} />
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
                <RefSelect label={t('intake.district')} items={reference.districts} value={values.districtCode} onChange={(districtCode) => set({ districtCode, ...(values.streetCode.startsWith(districtCode) ? {} : { streetCode: '' }) })} error={error('districtCode')} testId="field-district" id={fieldId('districtCode')} />
                <RefSelect
                  label={t('intake.street')}
                  items={streets}
                  value={values.streetCode}
                  onChange={(streetCode) => set({ streetCode, ...(streetCode ? { districtCode: streetCode.slice(0, 6) } : {}) })}
                  error={error('streetCode')}
                  testId="field-street"
                  id={fieldId('streetCode')}
                />
              </SimpleGrid>
              <TextInput id={fieldId('addressDetail')} label={t('intake.addressDetail')} value={values.addressDetail} onChange={(e) => set({ addressDetail: e.currentTarget.value })} onKeyDown={next('description')} error={error('addressDetail')} data-testid="field-addressDetail" data-free-text />
              <Textarea
                id={fieldId('description')}
                label={
                  <Group gap={6} component="span">
                    {t('intake.description')} {hint('quickPhrase')}
                  </Group>
                }
                value={values.description}
                onChange={(e) => set({ description: e.currentTarget.value })}
                error={error('description')}
                autosize
                minRows={3}
                maxRows={8}
                required
                data-testid="field-description" data-free-text
              />
              {shownSuggestions.length > 0 && (
                <Group gap="xs" data-testid="category-suggestions">
                  <Text size="xs" c="dimmed">
                    {t('intake.suggested')}
                  </Text>
                  {shownSuggestions.map((s) => (
                    <Badge key={s.category} variant={s.category === values.category ? 'filled' : 'light'} data-testid="category-suggestion">
                      {refName(reference, 'category', s.category, locale)} {Math.round(s.confidence * 100)}%
                    </Badge>
                  ))}
                  {hint('acceptSuggestion')}
                </Group>
              )}
              <TextInput id={fieldId('callerWants')} label={t('intake.callerWants')} value={values.callerWants} onChange={(e) => set({ callerWants: e.currentTarget.value })} error={error('callerWants')} data-testid="field-callerWants" data-free-text />
              {values.duplicateOf && (
                <Alert color="grape" data-testid="duplicate-of">
                  <Group justify="space-between">
                    <Text size="sm">{t('intake.duplicateOf', { number: duplicateTicket ? ticketNumber(duplicateTicket) : values.duplicateOf })}</Text>
                    <Button size="compact-xs" variant="subtle" onClick={() => set({ duplicateOf: '' })}>
                      {t('intake.clearDuplicate')}
                    </Button>
                  </Group>
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={busy} rightSection={hint('submitTicket')} data-testid="submit-ticket">
                  {t('intake.submit')}
                </Button>
                <Button variant="default" onClick={() => startOver()} rightSection={hint('newIntake')}>
                  {t('intake.reset')}
                </Button>
                <Button variant="subtle" onClick={() => setPicker('followUp')} disabled={openTickets.length === 0} rightSection={hint('followUp')}>
                  {t('actions.followUp.label')}
                </Button>
                <Button variant="subtle" onClick={() => setPicker('duplicate')} disabled={shownSimilar.length === 0} rightSection={hint('linkDuplicate')}>
                  {t('actions.linkDuplicate.label')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <CallerPanel call={call} history={shownHistory} reference={reference} />
          {shownSimilar.length > 0 && (
            <Paper withBorder p="sm" data-testid="likely-duplicates">
              <Group gap="xs" mb="xs">
                <Title order={3} size="h6">
                  {t('duplicates.title')}
                </Title>
                {hint('linkDuplicate')}
              </Group>
              <Stack gap={4}>
                {shownSimilar.map((s) => (
                  <Group key={s.ticket.id} gap="xs" wrap="nowrap">
                    <Badge variant="light">{Math.round(s.similarity * 100)}%</Badge>
                    <Text size="sm" ff="monospace">
                      {ticketNumber(s.ticket)}
                    </Text>
                    <Text size="sm" lineClamp={1}>
                      {s.ticket.description}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <PickDialog
        key={picker ?? 'closed'}
        opened={picker !== null}
        title={picker ? t(`actions.${picker === 'phrase' ? 'quickPhrase' : picker === 'duplicate' ? 'linkDuplicate' : picker === 'kb' ? 'knowledgeBase' : 'followUp'}.label`) : ''}
        items={pickerItems}
        onPick={(item) => void pick(item)}
        onClose={() => setPicker(null)}
        testId={`picker-${picker ?? 'none'}`}
      />
    </Grid>
  );
}
