import { AppError } from '../../shared/result';
import type { Logger } from '../dispatch';
import { type ServerClient, ServerError } from './server-client';
import type { DeferredOutcome, SessionSignIn } from './session-signin';
import type { SessionStore } from './session-store';

const passedOn = ['forbidden', 'not_found', 'conflict'] as const;

/**
 * One request to the server with this agent's session, for what only the server knows (the
 * lead's monitor). Offline or refused, the caller gets an error with a code saying so.
 */
export async function withSession<T>(
  client: ServerClient,
  session: SessionStore,
  request: (client: ServerClient, token: string) => Promise<T>,
): Promise<T> {
  const token = session.token();
  if (!token) throw new AppError('unavailable', 'This needs the server: sign in, or wait until the server can be reached.');
  try {
    return await request(client, token);
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    if (error.kind === 'unreachable') throw new AppError('unavailable', error.message);
    if (error.kind === 'unauthenticated') throw new AppError('unauthenticated', error.message);
    // The server's own verdict where the UI words it apart (a hand already answered is no bad input).
    // With the fields it names, so a form (or an import's lines) can show each where it belongs.
    throw new AppError(passedOn.find((code) => code === error.code) ?? 'invalid_input', error.message, error.issues);
  }
}

/**
 * Asks the server for the session an offline sign-in is waiting for. A failure nobody expected
 * ends the offline sign-in like a refusal: the agent is asked again rather than left half signed in.
 */
export async function completeDeferredSignIn(signin: SessionSignIn, log: Logger): Promise<DeferredOutcome | 'nothing_waiting'> {
  const login = signin.deferredLogin;
  if (!login) return 'nothing_waiting';
  try {
    return await signin.completeDeferred(login);
  } catch (error) {
    log.error('[sync] sign-in after an offline start failed', error);
    return 'refused';
  }
}
