import { adminHandlers } from './admin';
import { appHandlers } from './app';
import { authHandlers } from './auth';
import { callersHandlers } from './callers';
import { callsHandlers } from './calls';
import { kbHandlers } from './kb';
import { monitorHandlers, noticesHandlers } from './monitor';
import { presenceHandlers } from './presence';
import { referenceHandlers } from './reference';
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
  reference: referenceHandlers(deps),
  callers: callersHandlers(deps),
  calls: callsHandlers(deps),
  kb: kbHandlers(deps),
  monitor: monitorHandlers(deps),
  notices: noticesHandlers(deps),
  presence: presenceHandlers(deps),
  admin: adminHandlers(deps),
});
