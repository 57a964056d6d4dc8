import type { Contract, CallOutput, Domain, ParsedInput } from '../../shared/contract';
import type { hostKinds } from '../../shared/contract/app';
import type { EventBus } from '../event-bus';
import type { Db } from '../store/database';
import type { SessionSignIn } from '../sync/session-signin';
import type { SyncEngine } from '../sync/sync-engine';

export interface WorkstationIdentity {
  id: string;
  code: string;
}

/** What every handler may use; passed in, never imported, so tests build their own. */
export interface CoreDeps {
  db: Db;
  bus: EventBus;
  identity: WorkstationIdentity;
  host: (typeof hostKinds)[number];
  version: string;
  now: () => Date;
  /** Idle minutes before the renderer locks the screen; 0 = never. */
  lockAfterMinutes: number;
  /** Null when no server is configured: the workstation works alone. */
  sync: SyncEngine | null;
  /** Who is signed in: every data call and the actor of every write depend on it. */
  signin: SessionSignIn;
}

export type Handler<D extends Domain, M extends keyof Contract[D]> = (
  input: ParsedInput<D, M>,
) => CallOutput<D, M> | Promise<CallOutput<D, M>>;

export type DomainHandlers<D extends Domain> = { [M in keyof Contract[D]]: Handler<D, M> };

/** A missing or misspelt handler is a compile error. */
export type Handlers = { [D in Domain]: DomainHandlers<D> };
