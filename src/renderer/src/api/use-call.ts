import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/result';
import type { callFailuresZhCN } from '../i18n/call-failures';
import { refusalText } from '../shell/refusal-text';
import { CallError } from './client';

/** What did not happen, said before the reason: a key of `failed` in the message files. */
export type Failure = Exclude<keyof typeof callFailuresZhCN, 'unexpected'>;

export interface CallOptions<T> {
  failure?: Failure;
  /** The green notice once it succeeded. */
  done?: (value: T) => string;
  /** Adds the core's own words to the reason: for refusals, they name the rule that refused. */
  detail?: boolean;
  /**
   * The call runs by itself (a lookup while typing), not because the agent asked: a refusal because
   * nobody is signed in or the screen is locked is shown by the shell already and is not repeated.
   */
  background?: boolean;
  /** Some failures are shown where they belong (a field's error beside it): true when handled. */
  handle?: (error: CallError) => boolean;
  /** Stays on screen until the same call succeeds (a draft that is not saved). */
  sticky?: boolean;
}

/** Runs a core call; resolves with its value, or with undefined once the failure has been shown. */
export type RunCall = <T>(run: () => Promise<T>, options?: CallOptions<T>) => Promise<T | undefined>;

const shownByShell: ReadonlySet<ErrorCode> = new Set(['signed_out', 'unauthenticated']);

/**
 * The reason a call failed, in the agent's language: a refusal names the rule with its parameters;
 * other errors their code, and the core's message only on request.
 */
export function callErrorText(t: TFunction, error: unknown, detail = false): string {
  if (!(error instanceof CallError)) return t('failed.unexpected', { detail: String(error) });
  if (error.refusal) return refusalText(t, error.refusal);
  const reason = t(`errors.${error.code}`);
  return detail ? `${reason} ${error.message}` : reason;
}

/**
 * One way for the UI to call the core and tell the agent what went wrong, translated. A call that
 * repeats by itself shows its failure once while it is on screen (a lookup failing at every
 * keystroke shows one notice, not fifty), and a sticky notice goes away as soon as the same call
 * works again.
 */
export function useCall(): RunCall {
  // The instance, not its `t`: it is the same object in every language, so the calls made with this
  // helper (and the effects that depend on it) stay put when the agent switches language.
  const { i18n } = useTranslation();
  const sticking = useRef(new Set<string>());
  return useCallback<RunCall>(
    async (run, options = {}) => {
      // Calls that repeat by themselves share one notice; each thing the agent asks for gets its own answer.
      const id = options.failure && (options.background || options.sticky) ? `failed-${options.failure}` : undefined;
      try {
        const value = await run();
        if (id && sticking.current.delete(id)) notifications.hide(id);
        if (options.done) notifications.show({ color: 'green', message: options.done(value), autoClose: 4000 });
        return value;
      } catch (error) {
        if (error instanceof CallError && (options.handle?.(error) || (options.background && shownByShell.has(error.code))))
          return undefined;
        if (!(error instanceof CallError)) console.error('[useCall]', error);
        const t = i18n.t.bind(i18n);
        const reason = callErrorText(t, error, options.detail);
        notifications.show({
          id,
          color: 'red',
          message: options.failure ? `${t(`failed.${options.failure}`)}${reason}` : reason,
          ...(options.sticky ? { autoClose: false } : {}),
        });
        if (id && options.sticky) sticking.current.add(id);
        return undefined;
      }
    },
    [i18n],
  );
}
