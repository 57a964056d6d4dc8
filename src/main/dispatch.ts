import { callsByName } from '../shared/contract';
import type { CallSpec } from '../shared/contract/define';
import { AppError, appErrorShape, type Envelope, fail, ok, toFieldIssues } from '../shared/result';
import type { Handlers } from './handlers/types';

export type Dispatch = (call: string, input: unknown) => Promise<Envelope<unknown>>;
export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

type AnyHandler = (input: unknown) => unknown;

/**
 * The single entry for calls arriving from any transport: finds the call by name, refuses it while
 * nobody is signed in or the screen is locked unless the contract allows it then, validates the
 * input against the contract before any handler runs (so bad input changes nothing), and turns
 * every outcome into an envelope. Internal errors are logged here and reach the UI without detail.
 */
/** Who may be answered now: nobody signed in, or a locked screen, gets only the calls marked for it. */
export interface Access {
  signedIn: boolean;
  locked: boolean;
}

const open: Access = { signedIn: true, locked: false };

export function createDispatcher(handlers: Handlers, log: Logger = console, access: () => Access = () => open): Dispatch {
  const table = new Map<string, { spec: CallSpec; handler: AnyHandler }>();
  for (const [name, spec] of callsByName) {
    // Call names are `domain.method` from the same contract the handlers' type is built from, so
    // the domain is a key of Handlers; the handler itself is then checked to exist.
    const [domain, method] = name.split('.') as [keyof Handlers, string];
    const handler = (handlers[domain] as Record<string, AnyHandler>)[method];
    if (!handler) throw new Error(`no handler for ${name}`);
    table.set(name, { spec, handler });
  }

  return async (call, input) => {
    const entry = table.get(call);
    if (!entry) return fail('unknown_call', `There is no call named "${call}".`);
    const now = access();
    if (!entry.spec.whileSignedOut && !now.signedIn)
      return fail('signed_out', 'Nobody is signed in on this workstation: sign in first (Alt+I).');
    if (!entry.spec.whileLocked && now.locked)
      return fail('unauthenticated', 'The screen is locked: type your password to unlock it first.');
    const parsed = entry.spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('invalid_input', `The input to ${call} is not valid; nothing was changed.`, toFieldIssues(parsed.error));
    }
    try {
      const value = await entry.handler(parsed.data);
      return ok(entry.spec.output.parse(value));
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: appErrorShape(error) };
      log.error(`[dispatch] ${call} failed`, error);
      return fail('internal', `${call} failed inside the workstation. The error was logged; try again.`);
    }
  };
}
