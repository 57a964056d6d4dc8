import { Grid, Stack } from '@mantine/core';
import { type Ref, useCallback, useImperativeHandle, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedCall } from '../../../shared/contract/calls';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { CallerPanel } from './CallerPanel';
import { DraftsDialog } from './DraftsDialog';
import { emptyIntake, type IntakeValues } from './intake-form';
import { IntakeForm } from './IntakeForm';
import { LikelyDuplicates } from './LikelyDuplicates';
import { PickDialog, type PickItem } from './PickDialog';
import { ticketNumber } from './TicketList';
import { useCallerLookup } from './use-caller-lookup';
import { useCallerPanel } from './use-caller-panel';
import { useCategorySuggestions } from './use-category-suggestions';
import { useDebounced } from './use-debounced';
import { useDraftAutosave } from './use-draft-autosave';
import { useDuplicates } from './use-duplicates';
import { focusField, focusFieldNow, useIntakeForm } from './use-intake-form';
import { useIntakeSubmit } from './use-intake-submit';
import { articleBody, articleTitle, useKnowledgeBase } from './use-knowledge-base';
import { Markdown } from '../markdown/Markdown';
import { refName, useReference } from './use-reference';
import { useScreenPop } from './use-screen-pop';
import { useWrapUp } from './use-wrap-up';
import { WrapUpDialog } from './WrapUpDialog';

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
  /** Alt+Shift+D: the drafts list, to bring a parked draft back. */
  drafts(): void;
  /** Alt+A: the caller's name and address from their last tickets, into the fields left empty. */
  takeCallerDetails(): void;
  /** Alt+U: the wrap-up code of the call that ended. */
  wrapUp(): void;
  /** A new intake for this number (a callback from the caller log). */
  startWith(phone: string): void;
}

type Picker = 'followUp' | 'duplicate' | 'phrase' | 'kb' | null;
const pickerTitle = { followUp: 'followUp', duplicate: 'linkDuplicate', phrase: 'quickPhrase', kb: 'knowledgeBase' } as const;
/** Duplicates and category suggestions follow the description once typing pauses this long. */
const lookupPauseMs = 300;

/**
 * The call screen: the intake form on the left, the caller's history and likely duplicates on the
 * right. Everything typed is a draft saved at once; a popped call starts a new intake with the
 * caller filled in, parking the draft it replaced. The work is in the hooks, one per thing the screen does.
 */
export function IntakePane({
  call,
  popOnAnswer,
  handleRef,
  onCreated,
}: {
  call: LoggedCall | null;
  popOnAnswer: boolean;
  handleRef: Ref<IntakeHandle>;
  onCreated?: (ticketId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const reference = useReference();
  const form = useIntakeForm();
  const { values, set, startOver } = form;
  const savedAt = useDraftAutosave(form);
  const caller = useCallerLookup(values.callerPhone, call);
  useScreenPop({ call, popOnAnswer, formCallId: values.callId, startOver, showCaller: caller.showCaller });
  const description = useDebounced(values.description, lookupPauseMs);
  const similar = useDuplicates(values.category, values.streetCode, description, values.callerPhone);
  const suggestions = useCategorySuggestions(description);
  const kb = useKnowledgeBase();
  const { busy, submit, followUp, answerWith } = useIntakeSubmit(form, caller.showCaller, onCreated);
  const [picker, setPicker] = useState<Picker>(null);
  const [draftsOpen, setDraftsOpen] = useState(false);
  const closeDrafts = useCallback(() => setDraftsOpen(false), []);
  const bringBack = (draftId: string, restored: IntakeValues) => {
    setDraftsOpen(false);
    form.restore(draftId, restored);
    if (restored.callerPhone) caller.showCaller(restored.callerPhone);
    focusField('description');
  };
  const wrapUp = useWrapUp(call);
  const [wrapUpOpen, setWrapUpOpen] = useState(false);
  const callerPanel = useCallerPanel(values, caller.history, call, wrapUp);

  const openTickets = useMemo(() => (caller.history?.tickets ?? []).filter((tk) => tk.status !== 'closed'), [caller.history]);
  const describe = (tk: TicketSummary) => `${refName(reference, 'category', tk.category, locale)} · ${tk.description}`;

  const pick = async (item: PickItem) => {
    const kind = picker;
    setPicker(null);
    if (kind === 'kb') {
      await answerWith(item.id, kb.articles);
    } else if (kind === 'phrase') {
      set({ description: `${values.description}${item.label}` });
      focusField('description');
    } else if (kind === 'duplicate') {
      set({ duplicateOf: item.id });
      focusField('description');
    } else if (kind === 'followUp') {
      await followUp(item.id);
    }
  };

  useImperativeHandle(handleRef, () => ({
    submit: () => void submit(),
    reset: () => {
      startOver();
      focusFieldNow('callerPhone');
    },
    followUp: () => setPicker('followUp'),
    linkDuplicate: () => setPicker('duplicate'),
    quickPhrase: () => setPicker('phrase'),
    drafts: () => setDraftsOpen(true),
    acceptSuggestion: () => {
      const best = suggestions[0];
      if (best) set({ category: best.category });
    },
    knowledgeBase: () => {
      kb.open(values.category);
      setPicker('kb');
    },
    takeCallerDetails: () => set(callerPanel.offered),
    wrapUp: () => setWrapUpOpen(wrapUp.due !== null),
    startWith: (callerPhone) => {
      startOver({ ...emptyIntake, callerPhone });
      caller.showCaller(callerPhone);
      focusField('requestType');
    },
  }));

  const similarity = (percent: number) => t('duplicates.similarity', { percent: Math.round(percent * 100) });
  const pickerItems: PickItem[] =
    picker === 'followUp'
      ? openTickets.map((tk) => ({ id: tk.id, label: ticketNumber(tk), detail: describe(tk), search: tk.description }))
      : picker === 'duplicate'
        ? similar.map((s) => ({
            id: s.ticket.id,
            label: ticketNumber(s.ticket),
            detail: `${similarity(s.similarity)} · ${s.ticket.description}`,
            search: s.ticket.description,
          }))
        : picker === 'kb'
          ? kb.articles.map((a) => ({
              id: a.code,
              label: articleTitle(a, locale),
              detail: <Markdown source={articleBody(a, locale)} size="xs" testId={`kb-body-${a.code}`} />,
              search: `${a.titleZh} ${a.titleEn} ${a.bodyZh} ${a.bodyEn}`,
            }))
          : Object.values(t('phrases.list', { returnObjects: true }) as Record<string, string>).map((p, i) => ({
              id: String(i),
              label: p,
            }));

  return (
    <Grid data-testid="pane-intake">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <IntakeForm
          form={form}
          reference={reference}
          savedAt={savedAt}
          suggestions={suggestions}
          duplicateTicket={values.duplicateOf ? similar.find((s) => s.ticket.id === values.duplicateOf)?.ticket : undefined}
          busy={busy}
          onSubmit={() => void submit()}
          canFollowUp={openTickets.length > 0}
          canLinkDuplicate={similar.length > 0}
          onPick={setPicker}
          onOpenDrafts={() => setDraftsOpen(true)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <CallerPanel call={call} history={caller.history} reference={reference} {...callerPanel.panel} />
          <LikelyDuplicates similar={similar} />
        </Stack>
      </Grid.Col>
      <WrapUpDialog wrapUp={wrapUp} opened={wrapUpOpen} onClose={() => setWrapUpOpen(false)} />
      <PickDialog
        key={picker ?? 'closed'}
        opened={picker !== null}
        title={picker ? t(`actions.${pickerTitle[picker]}.label`) : ''}
        items={pickerItems}
        onPick={(item) => void pick(item)}
        onClose={() => setPicker(null)}
        testId={`picker-${picker ?? 'none'}`}
        {...(picker === 'kb' ? { onFilter: kb.search } : {})}
      />
      {draftsOpen && <DraftsDialog currentDraftId={form.draftId} onPick={bringBack} onClose={closeDrafts} />}
    </Grid>
  );
}
