import { initial } from './0001-initial';
import { dismissedRejections } from './0002-dismissed-rejections';
import { callScreen } from './0003-call-screen';
import { cacheScope } from './0004-cache-scope';
import { deadlines } from './0005-deadlines';
import { unusedPhoneIndex } from './0006-unused-phone-index';
import { rejectedEventsIndex } from './0007-rejected-events-index';
import { refusalCodes } from './0008-refusal-codes';
import { parkedDrafts } from './0009-parked-drafts';
import { callWrapUp } from './0010-call-wrapup';
import { duplicatesIndex } from './0011-duplicates-index';
import { workQueues } from './0012-work-queues';
import { phoneKeys } from './0013-phone-keys';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Consecutive from 1; stored in SQLite's `user_version`. */
  version: number;
  name: string;
  sql: string;
  /** Rows SQL alone cannot derive (a value the shared domain code computes), in the migration's transaction after `sql`. */
  backfill?: (db: Database) => void;
}

/** Every migration ever landed, in order. Append only. */
export const migrations: readonly Migration[] = [
  initial,
  dismissedRejections,
  callScreen,
  cacheScope,
  deadlines,
  unusedPhoneIndex,
  rejectedEventsIndex,
  refusalCodes,
  parkedDrafts,
  callWrapUp,
  duplicatesIndex,
  workQueues,
  phoneKeys,
];
