import { callsByName } from '../shared/contract';
import type { CallSpec } from '../shared/contract/define';
import { AppError, type Envelope, fail, ok, toFieldIssues } from '../shared/result';
import type { Handlers } from './handlers/types';

export type Dispatch = (call: string, input: unknown) => Promise<Envelope<unknown>>;
export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

type AnyHandler = (input: unknown) => unknown;

/**
 * The single entry for calls arriving from any transport: finds the call by name, validates the
 * input against the contract before any handler runs (so bad input changes nothing), and turns
 * every outcome into an envelope. Internal errors are logged here and reach the UI without detail.
 */
export function createDispatcher(handlers: Handlers, log: Logger = console, isLocked: () => boolean = () => false): Dispatch {
  const table = new Map<string, { spec: CallSpec; handler: AnyHandler }>();
  for (const [name, spec] of callsByName) {
    const [domain, method] = name.split('.') as [keyof Handlers, string];
    const handler = (handlers[domain] as Record<string, AnyHandler>)[method];
    if (!handler) throw new Error(`no handler for ${name}`);
    table.set(name, { spec, handler });
  }

  return async (call, input) => {
    const entry = table.get(call);
    if (!entry) return fail('unknown_call', `There is no call named "${call}".`);
    if (!entry.spec.whileLocked && isLocked()) return fail('unauthenticated', 'The screen is locked: type your password to unlock it first.');
    const parsed = entry.spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('invalid_input', `The input to ${call} is not valid; nothing was changed.`, toFieldIssues(parsed.error));
    }
    try {
      const value = await entry.handler(parsed.data);
      return ok(entry.spec.output.parse(value));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.issues);
      log.error(`[dispatch] ${call} failed`, error);
      return fail('internal', `${call} failed inside the workstation. The error was logged; try again.`);
    }
  };
}
