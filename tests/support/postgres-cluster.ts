import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const postgresBin = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A TCP port free on loopback right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL cluster: initdb into a temp folder, start on a free
 * loopback port, trust auth. As root it runs as the OS user postgres, which initdb demands.
 */
export async function startThrowawayPostgres(options: { fsync?: boolean } = {}): Promise<{ url: string; stop: () => void }> {
  if (!fs.existsSync(path.join(postgresBin, 'initdb'))) {
    throw new Error(`PostgreSQL server binaries not found in ${postgresBin}: apt-get install postgresql-15, or set TEST_DATABASE_URL.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (bin: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(postgresBin, bin),
      asRoot ? ['-u', 'postgres', '--', path.join(postgresBin, bin), ...args] : args,
      {
        stdio: 'pipe',
      },
    );
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // fsync off by default: a test cluster holds nothing worth a disk flush, and tests run several
  // times faster. Benchmarks keep PostgreSQL's durable default.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.fsync ? 'on' : 'off'} -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Creates database `name` on the cluster at `clusterUrl` (optionally as a copy of `template`)
 * and returns its connection string.
 */
export async function createDatabase(clusterUrl: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.href;
}
