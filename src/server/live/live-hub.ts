import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { User } from '../../shared/server-api/auth';
import { type LiveServerMessage, presenceStateSchema } from '../../shared/server-api/live';
import type { Database } from '../db/database';
import { eventHead } from '../events/pull';
import { eventsChannel } from '../events/push';
import { callSchema } from '../../shared/server-api/cti';
import { callsChannel } from '../cti/calls';
import type { MonitorTicket } from '../../shared/server-api/monitor';
import { ticketsByIds, ticketsChangedAfter } from '../monitor/monitor-queries';

export const liveChannel = 'hotline_live';

const callNoticeSchema = z.object({ to: z.array(z.string()), call: callSchema });
const liveNoticeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('presence'), userId: z.string(), username: z.string(), state: presenceStateSchema, since: z.string() }),
  z.object({ type: z.literal('notice'), text: z.string(), from: z.string(), at: z.string() }),
  /** Tickets changed outside the event log (linked to an incident): leads get them again. */
  z.object({ type: z.literal('tickets'), ids: z.array(z.string()) }),
]);
const isLead = (client: LiveClient) => client.user.role === 'lead' || client.user.role === 'admin';

interface LiveClient {
  socket: WebSocket;
  user: User;
}

/**
 * This process's live WebSocket clients. NOTIFY from any server process on the same database wakes
 * them (DESIGN.md §8); what they then pull comes from the durable tables, so a lost notification
 * costs a delay, never data.
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private readonly stops: (() => Promise<void>)[] = [];
  /** The last event the leads' monitors were sent; deltas go out in order, one query at a time. */
  private monitorSeq = 0;
  private monitorQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Pick<Console, 'warn'>,
  ) {}

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
        if (payload === null) return;
        const notice = liveNoticeSchema.safeParse(JSON.parse(payload));
        if (!notice.success) return;
        if (notice.data.type === 'presence') this.send(isLead, notice.data);
        else if (notice.data.type === 'notice') this.send(() => true, notice.data);
        else {
          const ids = notice.data.ids;
          this.sendMonitorDelta(() => ticketsByIds(this.db, ids));
        }
      }),
      // A call goes to the agents it rings or was answered by (screen-pop) and to the leads (queues).
      await this.db.listen(callsChannel, (payload) => {
        if (payload === null) return;
        const notice = callNoticeSchema.safeParse(JSON.parse(payload));
        if (!notice.success) return;
        const to = new Set(notice.data.to);
        this.send((c) => to.has(c.user.username) || c.user.role === 'lead' || c.user.role === 'admin', { type: 'call', call: notice.data.call });
      }),
    );
  }

  add(socket: WebSocket, user: User): () => void {
    const client = { socket, user };
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  connectedUsers(): Set<string> {
    return new Set([...this.clients].map((c) => c.user.id));
  }

  /** Records an agent's presence and tells every process's leads. */
  async setPresence(user: User, state: z.infer<typeof presenceStateSchema>, workstationId: string | null): Promise<void> {
    const [row] = await this.db.query<{ since: Date }>(
      `INSERT INTO presence (user_id, workstation_id, state, since) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET workstation_id = excluded.workstation_id, state = excluded.state,
         since = CASE WHEN presence.state = excluded.state THEN presence.since ELSE now() END
       RETURNING since`,
      [user.id, workstationId, state],
    );
    await this.notify({ type: 'presence', userId: user.id, username: user.username, state, since: row!.since.toISOString() });
  }

  /** A lead's notice, to every agent on every server process. */
  broadcastNotice(notice: { text: string; from: string; at: string }): Promise<void> {
    return this.notify({ type: 'notice', ...notice });
  }

  /** Tickets changed without an event (incident links): every process's leads get them again. */
  ticketsTouched(ids: string[]): Promise<void> {
    return this.notify({ type: 'tickets', ids });
  }

  private async notify(notice: z.input<typeof liveNoticeSchema>): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, $2)`, [liveChannel, JSON.stringify(notice)]);
  }

  /**
   * Sends leads the tickets a query finds, in order with earlier deltas. With no lead connected
   * nothing is read; the next lead starts from a snapshot anyway.
   */
  private sendMonitorDelta(read: () => Promise<MonitorTicket[]>, head?: number): void {
    this.monitorQueue = this.monitorQueue
      .then(async () => {
        if (![...this.clients].some(isLead)) {
          if (head !== undefined) this.monitorSeq = Math.max(this.monitorSeq, head);
          return;
        }
        const tickets = await read();
        if (head !== undefined) this.monitorSeq = Math.max(this.monitorSeq, head);
        if (tickets.length > 0) this.send(isLead, { type: 'monitor_tickets', tickets });
      })
      .catch((error: Error) => this.log.warn('[live] monitor delta failed', error.message));
  }

  private send(to: (client: LiveClient) => boolean, message: LiveServerMessage): void {
    const text = JSON.stringify(message);
    for (const client of this.clients) {
      if (to(client) && client.socket.readyState === client.socket.OPEN) client.socket.send(text);
    }
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
    for (const client of this.clients) client.socket.close(1001, 'server shutting down');
    this.clients.clear();
  }
}
