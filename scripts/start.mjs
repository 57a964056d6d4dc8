/**
 * `npm start` (after the build): the Electron app where its binary exists; otherwise one line
 * saying so, then the browser host, which runs the same core and UI in any browser.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const binary = findElectronBinary();

if (binary) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
} else {
  console.log('Electron is not installed on this machine (its binary could not be downloaded); starting the browser host instead.');
  await import(path.join(root, 'out/main/web.js'));
}
