import { appHandlers } from './app';
import { authHandlers } from './auth';
import { draftsHandlers } from './drafts';
import { settingsHandlers } from './settings';
import { syncHandlers } from './sync';
import { ticketsHandlers } from './tickets';
import type { CoreDeps, Handlers } from './types';

/** All domains' handlers in one object; its type makes a missing handler a compile error. */
export const createHandlers = (deps: CoreDeps): Handlers => ({
  app: appHandlers(deps),
  auth: authHandlers(deps),
  settings: settingsHandlers(deps),
  drafts: draftsHandlers(deps),
  tickets: ticketsHandlers(deps),
  sync: syncHandlers(deps),
});
