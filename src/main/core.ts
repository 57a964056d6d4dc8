import path from 'node:path';
import { z } from 'zod';
import type { hostKinds } from '../shared/contract/app';
import { pushedWhileSignedOut } from '../shared/contract/events';
import { newId } from '../shared/domain/ids';
import { randomWorkstationCode, workstationCodeSchema } from '../shared/domain/provisional-number';
import { createDispatcher, type Dispatch, type Logger } from './dispatch';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { screenLocked, signedInUser } from './handlers/auth';
import { defaultLockMinutes } from './host-env';
import type { WorkstationIdentity } from './handlers/types';
import { type CacheKey, loadOwnerOnlyKey } from './store/cache-key';
import { cacheIsEncrypted, type Db, openDatabase } from './store/database';
import { type KeyPolicy, type KeySealer, loadSealedKey } from './store/sealed-key';
import type { CacheScope } from './store/cache-scope-store';
import { ensureSearchIndex } from './store/search-index';
import { readSetting, writeSetting } from './store/settings-store';
import { refoldTicket } from './store/ticket-store';
import { ServerClient } from './sync/server-client';
import { SessionSignIn } from './sync/session-signin';
import { SyncEngine } from './sync/sync-engine';

export interface CoreOptions {
  /** Folder of the SQLite cache: Electron's userData, or the browser host's data dir. */
  dataDir: string;
  host: (typeof hostKinds)[number];
  /** Decrypts the cache: `sealedCacheKey` under Electron, `ownerOnlyCacheKey` in the browser host. */
  cacheKey: CacheKey;
  version: string;
  /** Fixes the workstation code on first start (provisioning); otherwise a random one is made. */
  workstationCode?: string;
  /** The central server; without it the workstation works alone (`not_configured`). */
  serverUrl?: string;
  /** How the core reaches the server; tests pass one that loses answers. */
  serverFetch?: typeof fetch;
  /** Sync at least this often when nothing wakes the engine (default 30 s). */
  syncPollMs?: number;
  /** How often the live socket is pinged (default 1 s); tests make it shorter. */
  liveHeartbeatMs?: number;
  /** How much of the centre the cache holds (default: 30 days of tickets, a year of callers). */
  cacheScope?: CacheScope;
  /** Idle minutes before the screen locks (default 10; 0 = never). */
  lockAfterMinutes?: number;
  /** Tickets per bootstrap page, events per pulled page (tests use small pages to see several). */
  bootstrapPage?: number;
  pullPage?: number;
  now?: () => Date;
  log?: Logger;
}

export interface Core {
  db: Db;
  bus: EventBus;
  dispatch: Dispatch;
  identity: WorkstationIdentity;
  sync: SyncEngine | null;
  /** Who is signed in; nothing about citizens is answered or pushed without someone. */
  signin: SessionSignIn;
  close(): Promise<void>;
}

const identitySchema = z.strictObject({ id: z.string(), code: workstationCodeSchema });

export const databaseFile = (dataDir: string): string => path.join(dataDir, 'workstation.sqlite3');

/** The browser host's cache key, from an owner-only file in the data dir. */
export const ownerOnlyCacheKey = (dataDir: string): CacheKey => {
  const file = databaseFile(dataDir);
  return loadOwnerOnlyKey(dataDir, file, cacheIsEncrypted(file));
};

/** Electron's cache key, sealed by the OS keystore. */
export const sealedCacheKey = (dataDir: string, sealer: KeySealer, policy: KeyPolicy): Promise<CacheKey> => {
  const file = databaseFile(dataDir);
  return loadSealedKey(dataDir, file, cacheIsEncrypted(file), sealer, policy);
};

/** This workstation's id and code are made once and then kept for the life of the cache. */
function loadIdentity(db: Db, wanted: string | undefined, now: Date): WorkstationIdentity {
  const stored = readSetting(db, 'workstation.identity', identitySchema);
  if (stored) return stored;
  const identity = { id: newId(), code: wanted ? workstationCodeSchema.parse(wanted) : randomWorkstationCode() };
  writeSetting(db, 'workstation.identity', identity, now.toISOString());
  return identity;
}

/** The workstation core: everything the UI calls, runnable under plain Node. */
export function openCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(databaseFile(options.dataDir), options.cacheKey);
  const bus = new EventBus();
  const identity = loadIdentity(db, options.workstationCode, now());
  ensureSearchIndex(db, (id) => refoldTicket(db, id), now().toISOString());
  const client = options.serverUrl
    ? new ServerClient({ baseUrl: options.serverUrl, ...(options.serverFetch ? { fetch: options.serverFetch } : {}) })
    : null;
  const signin = new SessionSignIn({ db, client, workstationId: identity.id, now });
  const sync = client
    ? new SyncEngine({
        db,
        bus,
        client,
        signin,
        workstationId: identity.id,
        now,
        ...(options.syncPollMs ? { pollMs: options.syncPollMs } : {}),
        ...(options.liveHeartbeatMs ? { liveHeartbeatMs: options.liveHeartbeatMs } : {}),
        ...(options.cacheScope ? { scope: options.cacheScope } : {}),
        ...(options.bootstrapPage ? { bootstrapPage: options.bootstrapPage } : {}),
        ...(options.pullPage ? { pullPage: options.pullPage } : {}),
        ...(options.log ? { log: options.log } : {}),
      })
    : null;
  const deps = {
    db,
    bus,
    identity,
    host: options.host,
    version: options.version,
    now,
    sync,
    signin,
    lockAfterMinutes: options.lockAfterMinutes ?? defaultLockMinutes,
  };
  const handlers = createHandlers(deps);
  signin.onChange(() => bus.emit('auth.changed', signedInUser(deps)));
  // Nothing about citizens reaches a UI nobody is signed in to, pushed or asked for.
  bus.admit((event) => signin.signedIn() || pushedWhileSignedOut.has(event));
  sync?.start();
  return {
    db,
    bus,
    identity,
    sync,
    signin,
    dispatch: createDispatcher(handlers, options.log, () => ({ signedIn: signin.signedIn(), locked: screenLocked(deps) })),
    close: async () => {
      await sync?.stop();
      db.close();
    },
  };
}
