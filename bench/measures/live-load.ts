import fs from 'node:fs';
import WebSocket from 'ws';
import { liveServerMessageSchema, type LiveServerMessage } from '../../src/shared/server-api/live';
import type { Database } from '../../src/server/db/database';
import type { Random } from '../../src/server/seed/random';
import type { SimulatedWorkstation } from './reconnect-storm';
import { postJson, sessionFor } from './server-calls';
import { median, percentile, type MeasureResult } from './stats';
import { offlineTickets } from './synthetic-centre';

/** A live socket signed in with a session, resolved once the server welcomes it. */
export function liveSocket(
  serverUrl: string,
  token: string,
  workstationId: string,
  onMessage: (message: LiveServerMessage) => void = () => {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(new URL('/api/live', serverUrl.replace(/^http/, 'ws')));
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', token, workstationId })));
    ws.once('error', reject);
    // Closed before the welcome (a hello the server did not take in time): say so rather than wait for ever.
    ws.once('close', (code: number, reason: Buffer) =>
      reject(new Error(`live socket closed before the welcome: ${code} ${reason.toString()}`)),
    );
    ws.on('message', (data: Buffer) => {
      const message = liveServerMessageSchema.parse(JSON.parse(data.toString()));
      if (message.type === 'welcome') resolve(ws);
      else if (message.type === 'error') reject(new Error(message.message));
      else onMessage(message);
    });
  });
}

const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/**
 * Measures 6 and 9 (server): every simulated workstation holds its live socket (as the app does
 * all day) and a lead watches the monitor. One agent at a time registers a ticket; timed from the
 * push leaving the workstation to the ticket arriving on the lead's socket (the monitor draws it on
 * the next frame). The server's resident memory is read with all sockets open, after the pushes.
 */
export async function measureLiveLoad(options: {
  serverDb: Database;
  serverUrl: string;
  serverPid: number;
  workstations: SimulatedWorkstation[];
  random: Random;
  samples: number;
}): Promise<MeasureResult[]> {
  const { serverDb, serverUrl, workstations } = options;
  const sockets = await Promise.all(workstations.map((w) => liveSocket(serverUrl, w.token, w.code)));
  const waiting = new Map<string, () => void>();
  const leadSocket = await liveSocket(serverUrl, await sessionFor(serverDb, 'lead1', 'LEAD'), 'LEAD', (message) => {
    if (message.type !== 'monitor_tickets') return;
    for (const ticket of message.tickets) waiting.get(ticket.id)?.();
  });
  try {
    const delays: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const agent = workstations[i % workstations.length]!;
      const [event] = offlineTickets(options.random, agent.code, agent.username, 1, new Date());
      // A number no earlier push of this workstation used (the storm used 1–100).
      const created = {
        ...event!,
        payload: { ...(event!.payload as { provisionalNo: string }), provisionalNo: `${agent.code}-${String(1000 + i).padStart(6, '0')}` },
      };
      const shown = new Promise<void>((resolve) => waiting.set(created.ticketId, resolve));
      const started = performance.now();
      await postJson(serverUrl, '/api/sync/push', { events: [created] }, agent.token);
      await shown;
      delays.push(performance.now() - started);
      waiting.delete(created.ticketId);
    }
    const rss = residentMb(options.serverPid);
    const count = `${workstations.length} live sockets`;
    return [
      {
        id: 6,
        measure: 'lead monitor delay, 700 connected workstations',
        detail: `${options.samples} tickets pushed one at a time with ${count} and a lead connected: push sent → ticket on the lead's socket`,
        unit: 'ms',
        median: median(delays),
        p99: percentile(delays, 99),
        target: 'p99 < 1 s',
        met: percentile(delays, 99) < 1000,
      },
      {
        id: 9,
        measure: 'memory: server with 700 WebSockets',
        detail: `resident set of the server process with ${count} open, after the storm and the pushes`,
        unit: 'MB',
        median: rss,
        p99: null,
        target: '< 1 GB',
        met: rss < 1024,
      },
    ];
  } finally {
    for (const ws of [...sockets, leadSocket]) ws.close();
  }
}
