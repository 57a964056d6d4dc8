import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateServer } from '../../src/server/db/migrate';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import type { Database } from '../../src/server/db/database';
import { seedDemoUsers, seedReference } from '../../src/server/seed/seed';
import { startThrowawayPostgres } from '../support/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    pgliteTemplate: string;
  }
}

export const templateDatabase = 'hotline_template';

/** Migrated schema, reference data and demo users: what every server test starts from. */
async function prepare(db: Database) {
  await migrateServer(db);
  await seedReference(db);
  await seedDemoUsers(db);
}

export default async function setup(project: TestProject) {
  let cluster: { url: string; stop: () => void } | null = null;
  const postgresUrl = process.env.TEST_DATABASE_URL ?? (cluster = await startThrowawayPostgres()).url;

  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await admin.end();
  const templateUrl = new URL(postgresUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  const postgres = await openPostgres(templateUrl.href);
  await prepare(postgres);
  await postgres.close();

  const pglite = await openPglite();
  await prepare(pglite);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-pglite-'));
  const pgliteTemplate = path.join(dir, 'template.tar');
  fs.writeFileSync(pgliteTemplate, Buffer.from(await (await pglite.dump()).arrayBuffer()));
  await pglite.close();

  project.provide('postgresUrl', postgresUrl);
  project.provide('pgliteTemplate', pgliteTemplate);
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    cluster?.stop();
  };
}
