// One workstation process opening a shared cache file: says "ready", migrates when told "go" on stdin.
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../src/main/store/migrate';
import { countedMigrations } from './counted-migrations';
import { migrations } from '../../src/main/store/migrations';

const file = process.argv[2];
if (!file) throw new Error('usage: migrate-cache-child <file>');
process.stdin.once('data', () => {
  const db = new Database(file);
  db.pragma('busy_timeout = 20000');
  // No switch to WAL here: on a new file it takes a lock SQLite does not wait for (the busy timeout
  // does not apply), so racing processes failed there, before the migrations this test is about.
  process.stdout.write(`version ${migrate(db, countedMigrations(migrations))}\n`);
  db.close();
  process.exit(0);
});
process.stdout.write('ready\n');
