import type { z } from 'zod';

/** One workstation API call: its input and output schemas and a one-line doc. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  doc: string;
  /** Answered while the screen is locked; every other call is refused until the agent unlocks. */
  whileLocked?: true;
  /** Answered while nobody is signed in (signing in, the UI's own settings); every other call is refused. */
  whileSignedOut?: true;
}

export const defineCall = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> => spec;

/** Calls grouped by domain: `{ tickets: { create: CallSpec } }` is called as `tickets.create`. */
export type ContractShape = Record<string, Record<string, CallSpec>>;

/** Events the core pushes to the UI, grouped by domain like the calls. */
export type EventsShape = Record<string, Record<string, z.ZodType>>;

export type CallName<C extends ContractShape> = {
  [D in keyof C & string]: `${D}.${keyof C[D] & string}`;
}[keyof C & string];

/** Walks a nested declaration and lists `[domain.name, spec]`, so every side derives the same names. */
export function flatten<T>(nested: Record<string, Record<string, T>>): Map<string, T> {
  const flat = new Map<string, T>();
  for (const [domain, members] of Object.entries(nested)) {
    for (const [name, spec] of Object.entries(members)) flat.set(`${domain}.${name}`, spec);
  }
  return flat;
}
