import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the workstation cache and brings its schema up to date.
 * `synchronous = FULL`: everything the agent is told is saved must survive a power cut, and in WAL
 * mode NORMAL may lose the last commits (TOOLCHAIN.md). It costs one fsync per commit, which
 * agent-paced writes never notice; bulk loads batch many rows per commit.
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
