import type { z } from 'zod';
import { type Contract, callsByName, type Domain, pushedEvents, type PushedEvents } from '../../../shared/contract';
import { flatten } from '../../../shared/contract/define';
import type { Refusal } from '../../../shared/domain/refusal';
import { eventFrameSchema } from '../../../shared/contract/wire';
import { type AppErrorShape, envelopeSchema, type ErrorCode, type FieldIssue } from '../../../shared/result';
import type { Transport } from './transport';

/** A refusal or failure from the core, with a code the UI translates. */
export class CallError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** Why the change was refused, when it was: what the UI says instead of the English message. */
  readonly refusal: Refusal | null;
  constructor(
    readonly call: string,
    error: AppErrorShape,
  ) {
    super(error.message);
    this.name = 'CallError';
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.refusal = error.refusal ?? null;
  }
}

type Input<S> = S extends { input: infer I extends z.ZodType } ? z.input<I> : never;
type Output<S> = S extends { output: infer O extends z.ZodType } ? z.output<O> : never;
// Calls whose input has no required field may be called without an argument.
type Args<I> = Record<string, never> extends I ? [input?: I] : [input: I];

export type Api = {
  [D in Domain]: { [M in keyof Contract[D]]: (...args: Args<Input<Contract[D][M]>>) => Promise<Output<Contract[D][M]>> };
};

export type Events = {
  [D in keyof PushedEvents]: {
    [E in keyof PushedEvents[D]]: (
      listener: (payload: PushedEvents[D][E] extends z.ZodType ? z.output<PushedEvents[D][E]> : never) => void,
    ) => () => void;
  };
};

const eventsByName = flatten<z.ZodType>(pushedEvents);

/**
 * The typed workstation API for the UI, derived from the contract: `api.tickets.create(...)`.
 * Answers and pushed events are checked against their schemas here too: the renderer trusts the
 * contract, not the wire.
 */
export function createClient(transport: Transport): { api: Api; on: Events } {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [name, spec] of callsByName) {
    const [domain = '', method = ''] = name.split('.');
    api[domain] ??= {};
    api[domain][method] = async (input = {}) => {
      const envelope = envelopeSchema.parse(await transport.invoke(name, input));
      if (!envelope.ok) throw new CallError(name, envelope.error);
      return spec.output.parse(envelope.value);
    };
  }

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.subscribe((raw) => {
    const frame = eventFrameSchema.safeParse(raw);
    if (!frame.success) return;
    const schema = eventsByName.get(frame.data.event);
    const payload = schema?.safeParse(frame.data.payload);
    if (!payload?.success) return;
    for (const listener of listeners.get(frame.data.event) ?? []) listener(payload.data);
  });

  const on: Record<string, Record<string, (listener: (payload: unknown) => void) => () => void>> = {};
  for (const name of eventsByName.keys()) {
    const [domain = '', event = ''] = name.split('.');
    on[domain] ??= {};
    on[domain][event] = (listener) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }

  // The loops above build exactly the shape these types describe, from the same declarations;
  // a record filled in a loop cannot carry that mapped type, so it is asserted once, here.
  // eslint-disable-next-line no-restricted-syntax -- built from the same declarations as Api and Events (see above)
  return { api: api as unknown as Api, on: on as unknown as Events };
}
