import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The folder holding package.json, found from this file both in `src/` (tsx) and `out/` (built). */
export function appRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export function appVersion(root: string = appRoot()): string {
  const pkg = z.object({ version: z.string() }).parse(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
  return pkg.version;
}
