import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../../shared/contract/kb';
import { normalisePhone } from '../../../shared/domain/phone';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import { errorsFromIssues, validateIntake } from './intake-form';
import { focusField, type IntakeForm } from './use-intake-form';
import { articleTitle } from './use-knowledge-base';

export interface IntakeSubmit {
  busy: boolean;
  /** Registers the ticket (Ctrl+Enter), or shows beside each field why not. */
  submit(): Promise<void>;
  /** Adds this call to one of the caller's open tickets instead of registering a new one. */
  followUp(ticketId: string): Promise<void>;
  /** The question was answered from an article: registered and closed at once as a direct answer. */
  answerWith(articleCode: string, articles: KbArticle[]): Promise<void>;
}

/** The three ways an intake ends in a ticket; each clears the form for the next call and keeps the caller on screen. */
export function useIntakeSubmit(
  form: IntakeForm,
  showCaller: (phone: string) => void,
  onCreated?: (ticketId: string) => void,
): IntakeSubmit {
  const { t, i18n } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const [busy, setBusy] = useState(false);
  const { values, unmatched, draftId, startOver, showErrors } = form;
  const callId = values.callId ? { callId: values.callId } : {};

  const finish = () => {
    if (normalisePhone(values.callerPhone)) showCaller(values.callerPhone);
    startOver();
    focusField('callerPhone');
  };

  const submit = async () => {
    if (busy) return;
    const result = validateIntake(values, unmatched);
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    setBusy(true);
    const duplicateOf = values.duplicateOf ? { duplicateOf: values.duplicateOf } : {};
    const ticket = await call(() => api.tickets.create({ fields: result.fields, draftId, ...duplicateOf, ...callId }), {
      failure: 'createTicket',
      done: (created) => t('intake.created', { number: created.provisionalNo }),
      // The core refused a field: the message goes beside it, as the form's own checks do.
      handle: (error) => error.code === 'invalid_input' && showErrors(errorsFromIssues(error.issues, values)),
    });
    setBusy(false);
    if (!ticket) return;
    onCreated?.(ticket.id);
    finish();
  };

  const followUp = async (ticketId: string) => {
    const ticket = await call(
      () =>
        api.tickets.followUp({
          id: ticketId,
          draftId,
          ...callId,
          ...(values.callerPhone.trim() ? { callerPhone: values.callerPhone.trim() } : {}),
          ...(values.description.trim() ? { note: values.description.trim().slice(0, 1000) } : {}),
        }),
      { failure: 'followUp', done: (done) => t('intake.followedUp', { number: done.officialNo ?? done.provisionalNo }) },
    );
    if (ticket) finish();
  };

  // Only the fields the agent left empty are filled in; the article is linked to the ticket.
  const answerWith = async (articleCode: string, articles: KbArticle[]) => {
    const article = articles.find((a) => a.code === articleCode);
    const result = validateIntake(
      {
        ...values,
        requestType: values.requestType || 'consultation',
        description: values.description.trim() || `${t('kb.askedAbout')}${article ? articleTitle(article, i18n.language) : articleCode}`,
      },
      unmatched,
    );
    if (!result.ok) {
      showErrors(result.errors, false);
      return;
    }
    const ticket = await call(() => api.tickets.create({ fields: result.fields, draftId, answeredWith: articleCode, ...callId }), {
      failure: 'answerFromKnowledgeBase',
      done: (created) => t('kb.answered', { number: created.provisionalNo }),
    });
    if (ticket) finish();
  };

  return { busy, submit, followUp, answerWith };
}
