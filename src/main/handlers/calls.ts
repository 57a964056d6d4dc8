import { serverApi } from '../../shared/server-api';
import { AppError } from '../../shared/result';
import { callById, currentCall, recentCalls } from '../store/calls-store';
import { callOutcome, saveWrapUp, wrapUpChoices } from '../store/wrapup-store';
import type { CoreDeps, DomainHandlers } from './types';

export const callsHandlers = ({ db, signin, sync, now }: CoreDeps): DomainHandlers<'calls'> => {
  /** A call this agent answered: only they can say what it was about. */
  const answeredCall = (callId: string) => {
    const call = callById(db, callId);
    if (!call) throw new AppError('not_found', `There is no call ${callId} on this workstation; choose one from the call log.`);
    if (call.answeredBy !== signin.user()?.username)
      throw new AppError('forbidden', `Call ${callId} was not answered by you: the agent who answered it gives it a wrap-up code.`);
    return call;
  };
  return {
    recent: ({ limit, missedOnly }) => recentCalls(db, limit, missedOnly),
    current: () => {
      const username = signin.user()?.username;
      return username ? currentCall(db, username) : null;
    },
    figures: () => {
      if (!sync) throw new AppError('unavailable', 'Call figures come from the central server (HOTLINE_SERVER_URL).');
      return sync.online((client, token) => client.request(serverApi.cti.figures, {}, token));
    },
    wrapUpChoices: ({ callId }) => {
      answeredCall(callId);
      const choices = wrapUpChoices(db);
      const outcome = callOutcome(db, callId);
      const proposed = (outcome && choices.find((c) => c.proposedFor === outcome)?.code) ?? null;
      return { proposed, choices: choices.map(({ code, zh, en }) => ({ code, zh, en })) };
    },
    wrapUp: ({ callId, code }) => {
      answeredCall(callId);
      saveWrapUp(db, callId, code, now().toISOString());
      sync?.presence.wrappedUp(); // the call is summed up: ready for the next one
      sync?.wake();
      return callById(db, callId)!;
    },
  };
};
