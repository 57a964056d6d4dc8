import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import type { User } from '../../shared/server-api/auth';
import { type LiveServerMessage, liveClientMessageSchema } from '../../shared/server-api/live';
import { userForToken } from '../auth/sessions';
import { eventHead } from '../events/pull';
import type { RouteContext } from './context';

const helloTimeoutMs = 5000;
const send = (socket: WebSocket, message: LiveServerMessage) => socket.send(JSON.stringify(message));

/**
 * `/api/live`: the first message must be `hello` with a session token; then the server sends
 * `events` hints and (to leads) presence, and takes the agent's presence.
 */
export const liveRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, live, metrics }) => {
  app.get('/api/live', { websocket: true, schema: { hide: true } }, (socket, request) => {
    metrics.liveClients.inc();
    let user: User | null = null;
    let workstationId: string | null = null;
    let remove = () => {};
    const timer = setTimeout(() => user || socket.close(4401, 'send hello with a session token first'), helloTimeoutMs);

    socket.on('message', (data, isBinary) => {
      void (async () => {
        let json: unknown;
        try {
          json = isBinary ? undefined : JSON.parse(data.toString());
        } catch {
          json = undefined;
        }
        const parsed = liveClientMessageSchema.safeParse(json);
        if (!parsed.success) {
          send(socket, { type: 'error', code: 'invalid_request', message: 'Expected { type: "hello" | "presence", ... }.' });
          return;
        }
        const message = parsed.data;
        if (message.type === 'hello') {
          if (user) return send(socket, { type: 'error', code: 'invalid_request', message: 'Already signed in on this socket.' });
          const found = await userForToken(db, message.token);
          if (!found) return socket.close(4401, 'session missing, expired or revoked');
          clearTimeout(timer);
          user = found;
          workstationId = message.workstationId ?? null;
          remove = live.add(socket, found);
          send(socket, { type: 'welcome', head: await eventHead(db) });
          return;
        }
        if (!user) return socket.close(4401, 'send hello with a session token first');
        await live.setPresence(user, message.state, workstationId);
      })().catch((error: unknown) => request.log.warn({ err: error }, 'live message failed'));
    });

    socket.on('close', () => {
      clearTimeout(timer);
      remove();
      const gone = user;
      // An agent whose last socket closed is shown as disconnected, not as whatever they last were.
      if (gone && !live.connectedUsers().has(gone.id)) {
        live.setPresence(gone, 'disconnected', workstationId).catch((error: unknown) => request.log.warn({ err: error }, 'presence update failed'));
      }
    });
  });
};
