/**
 * `npm start` (after the build): with no HOTLINE_SERVER_URL, first the embedded central server
 * (PGlite in data/server, demo centre seeded on first start), then the workstation: the Electron
 * app where its binary exists, otherwise — said in one line — the browser host. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const children = [];

function run(command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['inherit', 'pipe', 'inherit'] });
  child.stdout.pipe(process.stdout);
  children.push(child);
  child.on('exit', (code, signal) => {
    // Either program ending ends the session: a workstation without its server is not what was asked for.
    stopAll();
    process.exitCode = signal ? 1 : (code ?? 0);
  });
  return child;
}

function stopAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

function waitForLine(child, pattern, what = 'the central server') {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`${what} stopped before it was ready; see its log above`)));
  });
}

let serverUrl = process.env.HOTLINE_SERVER_URL;
if (!serverUrl) {
  const server = run(process.execPath, [path.join(root, 'out/main/server.js')], {
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SIMULATE_UNITS: process.env.SIMULATE_UNITS ?? 'on',
  });
  serverUrl = await waitForLine(server, /central server on (http:\/\/\S+?\/)/);
}

const binary = findElectronBinary();
if (binary) {
  run(binary, [root], { HOTLINE_SERVER_URL: serverUrl });
  console.log(`\nThe workstation opens in its own window (central server: ${serverUrl}).`);
} else {
  console.log('Electron is not installed on this machine (its binary could not be downloaded); starting the browser host instead.');
  const web = run(process.execPath, [path.join(root, 'out/main/web.js')], { HOTLINE_SERVER_URL: serverUrl });
  const workstationUrl = await waitForLine(web, /\(browser host\) on (http:\/\/\S+?\/)/, 'the workstation');
  // The one address to open, last, so a newcomer does not open the server's (which has no screens).
  console.log(`\nOpen the workstation / 打开坐席工作站:  ${workstationUrl}`);
}
