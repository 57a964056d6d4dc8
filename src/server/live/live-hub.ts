import type { WebSocket } from 'ws';
import type { LiveServerMessage } from '../../shared/server-api/live';
import type { MonitorTicket } from '../../shared/server-api/monitor';
import { type LiveSession, sessionsChannel } from '../auth/sessions';
import { callAsOf, callRecipients, callsChannel } from '../cti/calls';
import type { Database } from '../db/database';
import { eventHead } from '../events/pull';
import { eventsChannel } from '../events/push';
import { ticketsChangedAfter, ticketsOfIncident } from '../monitor/monitor-queries';
import { liveChannel, readAnnouncement } from './announcements';
import { SessionWatch } from './session-watch';

const isLead = (client: LiveClient) => client.session.user.role === 'lead' || client.session.user.role === 'admin';

export interface LiveClient {
  socket: WebSocket;
  session: LiveSession;
  /** Called once when the hub ends the socket's session: nothing may be taken from it after. */
  onEnd: () => void;
}

/**
 * This process's live WebSocket clients. NOTIFY from any server process on the same database wakes
 * them (docs/architecture.md, *Sync guarantees*); what they then pull comes from the durable tables, so a lost notification
 * costs a delay, never data. A socket lives only as long as its session (`SessionWatch`).
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private readonly stops: (() => Promise<void>)[] = [];
  private readonly sessions: SessionWatch;
  /** The last event the leads' monitors were sent. */
  private monitorSeq = 0;
  /**
   * Everything announced is read and acted on in the order it was announced, one at a time:
   * notifications arrive in commit order, so a call committed after a revocation is sent only
   * once that revocation has closed the sockets it ended, and monitor deltas never overtake.
   */
  private fanout: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Pick<Console, 'warn'>,
  ) {
    this.sessions = new SessionWatch(db, log, (client, reason) => this.end(client, reason));
  }

  async start(): Promise<void> {
    this.monitorSeq = await eventHead(this.db);
    this.stops.push(
      await this.db.listen(eventsChannel, (payload) => {
        // null: the listening connection was re-made and notifications may be lost; re-read the head.
        const head = payload === null ? eventHead(this.db) : Promise.resolve(Number(payload));
        head.then(
          (h) => {
            this.send(() => true, { type: 'events', head: h });
            this.sendMonitorDelta(() => ticketsChangedAfter(this.db, this.monitorSeq), h);
          },
          (error: Error) => this.log.warn('[live] head read failed', error.message),
        );
      }),
      await this.db.listen(liveChannel, (payload) => {
        const [kind, id] = splitPayload(payload);
        if (kind === 'incident') return this.sendMonitorDelta(() => ticketsOfIncident(this.db, id));
        // Every workstation caches reference data: each is told to pull it now, not at its next poll.
        if (kind === 'reference') return this.inOrder(async () => this.send(() => true, { type: 'reference', version: Number(id) }));
        if (kind !== 'presence' && kind !== 'hand' && kind !== 'notice') return;
        this.inOrder(async () => {
          const message = await readAnnouncement(this.db, kind, id);
          // An agent's presence goes to the leads, and to the agent's own workstations (a lead answered the raised hand).
          if (message)
            this.send(message.type === 'presence' ? (c) => isLead(c) || c.session.user.id === message.userId : () => true, message);
        });
      }),
      // A call goes to the agents it rings or was answered by (screen-pop) and to the leads (queues).
      await this.db.listen(callsChannel, (payload) => {
        const [state, id] = splitPayload(payload);
        if (state !== 'ringing' && state !== 'answered' && state !== 'ended') return;
        this.inOrder(async () => {
          const call = await callAsOf(this.db, id, state);
          if (!call) return;
          const to = callRecipients(call);
          this.send((c) => to.has(c.session.user.username) || isLead(c), { type: 'call', call });
        });
      }),
      await this.db.listen(sessionsChannel, (payload) => {
        const [kind, id] = splitPayload(payload);
        // null: notifications may have been lost while the connection was re-made; check every socket.
        const concerned =
          payload === null
            ? [...this.clients]
            : [...this.clients].filter((c) => (kind === 'user' ? c.session.user.id : c.session.id) === id);
        if (concerned.length > 0) this.inOrder(() => this.sessions.recheck(concerned));
      }),
    );
  }

  /**
   * Registers a signed-in socket. Its session is read once more after it is registered, so a
   * session ended between the hello's check and now is not missed.
   */
  async add(socket: WebSocket, session: LiveSession, onEnd: () => void): Promise<() => void> {
    const client: LiveClient = { socket, session, onEnd };
    this.clients.add(client);
    this.sessions.watch(client);
    await this.sessions.recheck([client]);
    return () => {
      this.clients.delete(client);
      this.sessions.unwatch(client);
    };
  }

  connectedUsers(): Set<string> {
    return new Set([...this.clients].map((c) => c.session.user.id));
  }

  private end(client: LiveClient, reason: string): void {
    if (!this.clients.delete(client)) return;
    this.sessions.unwatch(client);
    client.onEnd();
    client.socket.close(4401, reason);
  }

  private inOrder(work: () => Promise<void>): void {
    this.fanout = this.fanout.then(work).catch((error: Error) => this.log.warn('[live] fan-out failed', error.message));
  }

  /**
   * Sends leads the tickets a query finds, in order with earlier deltas. With no lead connected
   * nothing is read; the next lead starts from a snapshot anyway.
   */
  private sendMonitorDelta(read: () => Promise<MonitorTicket[]>, head?: number): void {
    this.inOrder(async () => {
      if (![...this.clients].some(isLead)) {
        if (head !== undefined) this.monitorSeq = Math.max(this.monitorSeq, head);
        return;
      }
      const tickets = await read();
      if (head !== undefined) this.monitorSeq = Math.max(this.monitorSeq, head);
      if (tickets.length > 0) this.send(isLead, { type: 'monitor_tickets', tickets });
    });
  }

  private send(to: (client: LiveClient) => boolean, message: LiveServerMessage): void {
    const text = JSON.stringify(message);
    for (const client of this.clients) {
      if (to(client) && client.socket.readyState === client.socket.OPEN) client.socket.send(text);
    }
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
    for (const client of this.clients) {
      this.sessions.unwatch(client);
      client.socket.close(1001, 'server shutting down');
    }
    this.clients.clear();
  }
}

/** `<kind>:<id>` → [kind, id]; anything else (or null) → ['', '']. */
function splitPayload(payload: string | null): [string, string] {
  const at = payload?.indexOf(':') ?? -1;
  return at > 0 ? [payload!.slice(0, at), payload!.slice(at + 1)] : ['', ''];
}
