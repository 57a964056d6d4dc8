import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { User } from '../../shared/server-api/auth';
import { type LiveServerMessage, presenceStateSchema } from '../../shared/server-api/live';
import type { Database } from '../db/database';
import { eventHead } from '../events/pull';
import { eventsChannel } from '../events/push';
import { callSchema } from '../../shared/server-api/cti';
import { callsChannel } from '../cti/calls';

export const liveChannel = 'hotline_live';

const callNoticeSchema = z.object({ to: z.array(z.string()), call: callSchema });
const presenceNoticeSchema = z.object({ type: z.literal('presence'), userId: z.string(), state: presenceStateSchema, since: z.string() });

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

  constructor(
    private readonly db: Database,
    private readonly log: Pick<Console, 'warn'>,
  ) {}

  async start(): Promise<void> {
    this.stops.push(
      await this.db.listen(eventsChannel, (payload) => {
        // null: the listening connection was re-made and notifications may be lost; re-read the head.
        const head = payload === null ? eventHead(this.db) : Promise.resolve(Number(payload));
        head.then(
          (h) => this.send(() => true, { type: 'events', head: h }),
          (error: Error) => this.log.warn('[live] head read failed', error.message),
        );
      }),
      await this.db.listen(liveChannel, (payload) => {
        if (payload === null) return;
        const notice = presenceNoticeSchema.safeParse(JSON.parse(payload));
        if (notice.success) this.send((c) => c.user.role === 'lead' || c.user.role === 'admin', notice.data);
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
    const notice = { type: 'presence', userId: user.id, state, since: row!.since.toISOString() };
    await this.db.query(`SELECT pg_notify($1, $2)`, [liveChannel, JSON.stringify(notice)]);
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
