import { spawn } from 'node:child_process';
import { once } from 'node:events';

type Cell = string | number | boolean | null | readonly string[];

/** One value in COPY's text format: \N for null, arrays as {a,b}, the four special characters escaped. */
function copyText(value: Cell): string {
  if (value === null) return '\\N';
  const text = Array.isArray(value) ? `{${value.map((v) => JSON.stringify(v)).join(',')}}` : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/**
 * A running `COPY table (columns) FROM STDIN` through psql: `write` a row at a time (it waits when
 * psql's pipe is full), `end` to commit. The baseline the issue names for loading PostgreSQL, and
 * how the bench puts a million tickets on the server without going through our own code.
 */
export function copyInto(url: string, table: string, columns: readonly string[]) {
  const psql = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${table} (${columns.join(', ')}) FROM STDIN`], {
    stdio: ['pipe', 'inherit', 'pipe'],
  });
  let errors = '';
  psql.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = once(psql, 'exit') as Promise<[number | null]>;
  let buffer = '';
  return {
    async write(row: readonly Cell[]): Promise<void> {
      buffer += `${row.map(copyText).join('\t')}\n`;
      if (buffer.length < 1 << 16) return;
      const full = !psql.stdin.write(buffer);
      buffer = '';
      if (full) await once(psql.stdin, 'drain');
    },
    async end(): Promise<void> {
      psql.stdin.end(buffer);
      const [code] = await exited;
      if (code !== 0) throw new Error(`COPY into ${table} failed: ${errors.trim()}`);
    },
  };
}
