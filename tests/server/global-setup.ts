import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { prepareCentre } from './centre';
import { createDatabase, startThrowawayPostgres } from '../support/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    pgliteTemplate: string;
  }
}

export const templateDatabase = 'hotline_template';

export default async function setup(project: TestProject) {
  let cluster: { url: string; stop: () => void } | null = null;
  const postgresUrl = process.env.TEST_DATABASE_URL ?? (cluster = await startThrowawayPostgres()).url;

  const postgres = await openPostgres(await createDatabase(postgresUrl, templateDatabase));
  await prepareCentre(postgres);
  await postgres.close();

  const pglite = await openPglite();
  await prepareCentre(pglite);
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
