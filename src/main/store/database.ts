import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { type CacheKey, CacheKeyError } from './cache-key';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import type { ReferenceMemo } from './reference-store';

/**
 * What one connection remembers: its prepared statements, and reference reads while a bulk refold
 * runs. It lives and dies with the connection, so two cores in one process never share it.
 */
export interface ConnectionCaches {
  statements: Map<string, Database.Statement<unknown[], unknown>>;
  reference: ReferenceMemo | null;
}

export type Db = Database.Database & { readonly caches: ConnectionCaches };

/** A connection as the stores use it: with its own, empty caches. */
export const withCaches = (connection: Database.Database): Db =>
  Object.assign(connection, { caches: { statements: new Map(), reference: null } });

const plaintextHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** An encrypted cache starts with random-looking bytes; a plaintext one with SQLite's magic string. */
export function cacheIsEncrypted(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const head = Buffer.alloc(plaintextHeader.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return !head.equals(plaintextHeader);
}

const keyPragma = (key: CacheKey) => `"x'${key.toString('hex')}'"`;

/**
 * A cache from before encryption is encrypted in place on first open (rekey needs a rollback
 * journal). One written by a newer release is left exactly as it is.
 */
function encryptPlaintextCache(file: string, key: CacheKey): void {
  const db = new Database(file);
  try {
    const version = schemaVersion(db);
    if (version > migrations.length) throw new DatabaseTooNewError(version, migrations.length);
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ${keyPragma(key)}`);
  } finally {
    db.close();
  }
}

/**
 * Opens (creating if needed) the encrypted workstation cache and brings its schema up to date.
 * The key pragma must come first: nothing of the file is readable before it.
 * `synchronous = FULL`: everything the agent is told is saved must survive a power cut, and in WAL
 * mode NORMAL may lose the last commits (SQLite's documentation of `synchronous`). It costs one fsync per commit, which
 * agent-paced writes never notice; bulk loads batch many rows per commit.
 * `secure_delete`: a signed-out session token or an aged-out ticket is overwritten, not left in a free page.
 */
export function openDatabase(file: string, key: CacheKey, options: { readonly?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!options.readonly && fs.existsSync(file) && fs.statSync(file).size > 0 && !cacheIsEncrypted(file)) encryptPlaintextCache(file, key);
  const db = withCaches(new Database(file, { readonly: options.readonly ?? false }));
  try {
    db.pragma(`key = ${keyPragma(key)}`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB')) throw error;
      throw new CacheKeyError(
        `The cache ${file} cannot be decrypted with this workstation's key. Was the key file replaced? Restore it from backup.`,
      );
    }
    if (options.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs a bulk load (a bootstrap) with a 256 MiB page cache and a WAL checkpoint every ~40 MiB
 * instead of every 4 MiB, then puts both back (the cache's pages are freed then). A million-ticket
 * load inserts into indexes keyed by phone and place, all over the file (120 MB of them at a
 * million): with the default 2 MiB cache nearly every insert read and decrypted a page again, and
 * every other commit copied the WAL back. Measured with `npm run bench`: 1,867 → 2,140 tickets/s
 * at 300,000 tickets for 64 MiB; at a million, 64 → 256 MiB kept the last 500,000 at 50 s per
 * 100,000 instead of 53-60 s.
 */
export async function duringBulkLoad<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  const checkpointPages = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  db.pragma('cache_size = -262144');
  db.pragma('wal_autocheckpoint = 10000');
  try {
    return await load();
  } finally {
    if (db.open) {
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
    }
  }
}
