/**
 * `npm run centre -- …`: what a new centre does before its first agent signs in, on the database the
 * server uses (`DATABASE_URL`, or PGlite in `DATA_DIR`). The same checked paths as the console.
 *   admin USERNAME "Display name"   the first administrator (password from HOTLINE_ADMIN_PASSWORD)
 *   import KIND FILE.csv [--check]  one kind of reference data, every row checked, all or nothing
 *   export KIND                     one kind as CSV on stdout (UTF-8 with BOM)
 *   defaults                        the built-in Beijing catalogue (what the demo starts with)
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { newUserSchema } from '../shared/server-api/auth';
import { editableKinds, editableKindSchema } from '../shared/server-api/reference-admin';
import { AppError } from '../shared/result';
import { createUser, usernameTaken } from './auth/users';
import { loadConfig } from './config';
import { openServerDatabase } from './db/open';
import type { Database } from './db/database';
import { importReference, listReference } from './reference/reference-admin';
import { readReferenceCsv, referenceCsv } from './reference/reference-csv';
import { seedReference } from './seed/seed';

const usage = `Usage: npm run centre -- <command>
  admin USERNAME "Display name"   create the first administrator; password from HOTLINE_ADMIN_PASSWORD (10+ characters)
  import KIND FILE.csv [--check]  import one kind of reference data (--check: only check it)
  export KIND                     print one kind as CSV
  defaults                        load the built-in Beijing catalogue
KIND: ${editableKinds.join(', ')}`;

class UsageError extends Error {}

const kindOf = (text: string | undefined) => {
  const kind = editableKindSchema.safeParse(text);
  if (!kind.success) throw new UsageError(`"${text ?? ''}" is not a kind of reference data an administrator edits.`);
  return kind.data;
};

async function run(db: Database, [command, ...rest]: string[], check: boolean): Promise<string> {
  switch (command) {
    case 'admin': {
      const parsed = newUserSchema.safeParse({
        username: rest[0],
        displayName: rest[1],
        role: 'admin',
        password: process.env.HOTLINE_ADMIN_PASSWORD ?? '',
      });
      if (!parsed.success)
        throw new UsageError(
          `Cannot create that administrator: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')} (the password comes from HOTLINE_ADMIN_PASSWORD).`,
        );
      if (await usernameTaken(db, parsed.data.username)) throw new UsageError(`The username ${parsed.data.username} is taken already.`);
      const user = await createUser(db, parsed.data);
      return `Created administrator ${user.username} (${user.displayName}): sign in at a workstation and open the console with Alt+5.`;
    }
    case 'import': {
      const kind = kindOf(rest[0]);
      if (!rest[1] || !fs.existsSync(rest[1])) throw new UsageError(`Give the CSV file to import: ${rest[1] ?? '(none)'} does not exist.`);
      const result = await importReference(db, readReferenceCsv(kind, fs.readFileSync(rest[1], 'utf8')), 'import', !check);
      return `${rest[1]}: ${result.rows} rows of ${kind}, ${result.created} new, ${result.changed} changed, ${result.unchanged} unchanged; ${result.applied ? 'written' : 'checked only, nothing written'}.`;
    }
    case 'export': {
      const kind = kindOf(rest[0]);
      return referenceCsv(
        kind,
        (await listReference(db, kind)).map((item) => item.entry),
      );
    }
    case 'defaults':
      return `Built-in catalogue loaded: ${await seedReference(db)} items new or changed.`;
    default:
      throw new UsageError(command ? `No command "${command}".` : 'Give a command.');
  }
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'boolean', default: false } } });
const config = loadConfig();
const db = await openServerDatabase(config);
try {
  process.stdout.write(`${await run(db, positionals, values.check)}\n`);
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
  else if (error instanceof AppError)
    console.error([error.message, ...(error.issues ?? []).map((issue) => `  ${issue.path}: ${issue.message}`)].join('\n'));
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
