import type { z } from 'zod';
import { adminCalls } from './admin';
import { appCalls } from './app';
import { authCalls } from './auth';
import { callersCalls } from './callers';
import { callsCalls } from './calls';
import { type CallSpec, type ContractShape, flatten } from './define';
import { draftsCalls } from './drafts';
import { kbCalls } from './kb';
import { monitorCalls } from './monitor';
import { noticesCalls } from './notices';
import { presenceCalls } from './presence';
import { referenceCalls } from './reference';
import { settingsCalls } from './settings';
import { syncCalls } from './sync';
import { ticketsCalls } from './tickets';

/**
 * The workstation API, declared once. The main process's handlers, the IPC binding, the preload,
 * the WebSocket host and the renderer's client are all derived from this object.
 * To add a call: declare it in its domain file, add the handler, use it from the UI.
 */
export const contract = {
  app: appCalls,
  auth: authCalls,
  settings: settingsCalls,
  drafts: draftsCalls,
  tickets: ticketsCalls,
  sync: syncCalls,
  reference: referenceCalls,
  callers: callersCalls,
  calls: callsCalls,
  kb: kbCalls,
  monitor: monitorCalls,
  notices: noticesCalls,
  presence: presenceCalls,
  admin: adminCalls,
} satisfies ContractShape;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type CallInput<D extends Domain, M extends keyof Contract[D]> = Contract[D][M] extends { input: infer I extends z.ZodType }
  ? z.input<I>
  : never;
export type ParsedInput<D extends Domain, M extends keyof Contract[D]> = Contract[D][M] extends {
  input: infer I extends z.ZodType;
}
  ? z.output<I>
  : never;
export type CallOutput<D extends Domain, M extends keyof Contract[D]> = Contract[D][M] extends {
  output: infer O extends z.ZodType;
}
  ? z.input<O>
  : never;

/** `tickets.create` → its spec, for the code that receives calls by name from the wire. */
export const callsByName = flatten<CallSpec>(contract);

export { pushedEvents } from './events';
export type { PushedEventName, PushedPayload, PushedEvents } from './events';
